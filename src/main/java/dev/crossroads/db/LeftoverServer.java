package dev.crossroads.db;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL left running on our data directory by a service that died without stopping it (SIGKILL, the OOM
 * killer). pg_ctl starts the server detached, so it outlives the JVM and keeps the directory locked through
 * {@code postmaster.pid}; a new server on it would refuse to start, and zonky would only notice after its start-up
 * wait. So before starting, a leftover that is provably ours is stopped, and anything else holding the directory
 * stops the start with one line saying what holds it.
 */
final class LeftoverServer {

    private static final Logger LOG = Logger.getLogger(LeftoverServer.class);
    /** SIGTERM is PostgreSQL's smart shutdown: quick here, since the dead service's connections died with it. */
    private static final Duration SMART_SHUTDOWN = Duration.ofSeconds(10);
    private static final Duration AFTER_KILL = Duration.ofSeconds(5);
    /** The file zonky holds an OS lock on while its server runs; the lock dies with the JVM that took it. */
    private static final String OWNER_LOCK = "epg-lock";

    private LeftoverServer() {
    }

    /** Makes sure no server of a dead service holds {@code dataDir}; fails if something else does. */
    static void stopIfAny(Path dataDir) {
        Path pidFile = dataDir.resolve("postmaster.pid");
        Optional<Long> pid = pidIn(pidFile);
        Optional<ProcessHandle> holder = pid.flatMap(ProcessHandle::of).filter(ProcessHandle::isAlive);
        if (holder.isEmpty()) {
            return; // no server, or a stale file naming a dead process: PostgreSQL deals with that itself
        }
        ProcessHandle process = holder.get();
        if (isThisJvm(process.pid())) {
            // after a container restart the old server's PID can be one of ours; PostgreSQL would take the live
            // PID for another server and refuse to start
            deleteStale(pidFile, process.pid());
            return;
        }
        if (!servesDirectory(process, dataDir)) {
            throw new DatabaseStartFailure("The embedded PostgreSQL cannot start: " + pidFile + " names PID "
                    + process.pid() + " (" + describe(process) + "), which is not a PostgreSQL server of this data"
                    + " directory. If no PostgreSQL uses " + dataDir + ", delete " + pidFile + " and start again.");
        }
        if (ownerIsAlive(dataDir)) {
            throw new DatabaseStartFailure("The embedded PostgreSQL cannot start: " + dataDir + " is in use by another"
                    + " running Crossroads (its PostgreSQL is PID " + process.pid() + "). Stop that service first,"
                    + " or give this one a data directory of its own (crossroads.db.data-dir).");
        }
        stop(process, dataDir);
    }

    private static void stop(ProcessHandle server, Path dataDir) {
        LOG.infof("Stopping PostgreSQL PID %d, left running on %s by a service that did not stop it",
                server.pid(), dataDir);
        List<ProcessHandle> backends = server.descendants().toList();
        if (server.destroy() && exits(server, SMART_SHUTDOWN)) {
            return;
        }
        // it would not stop (or could not be asked to): kill it and the backends still attached to its shared
        // memory, which would otherwise stop a new server from starting
        server.destroyForcibly();
        backends.forEach(ProcessHandle::destroyForcibly);
        if (!exits(server, AFTER_KILL) || backends.stream().anyMatch(b -> !exits(b, AFTER_KILL))) {
            throw new DatabaseStartFailure("The embedded PostgreSQL cannot start: PostgreSQL PID " + server.pid()
                    + ", left running on " + dataDir + " by a service that did not stop it, could not be stopped."
                    + " Stop it (kill " + server.pid() + ") and start again.");
        }
        LOG.warnf("PostgreSQL PID %d did not stop within %d s and was killed; it recovers from its log at start",
                server.pid(), SMART_SHUTDOWN.toSeconds());
    }

    /** The first line of {@code postmaster.pid}; empty when there is no file or it is being written. */
    private static Optional<Long> pidIn(Path pidFile) {
        try {
            List<String> lines = Files.readAllLines(pidFile);
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.get(0).trim()));
        } catch (NoSuchFileException | NumberFormatException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new DatabaseStartFailure("The embedded PostgreSQL cannot start: " + pidFile + " cannot be read ("
                    + e.getMessage() + "). Give the service's user access to it.", e);
        }
    }

    private static boolean isThisJvm(long pid) {
        return pid == ProcessHandle.current().pid() || Files.exists(Path.of("/proc/self/task/" + pid));
    }

    /** A {@code postgres} started with {@code -D dataDir}, as pg_ctl starts it. */
    static boolean servesDirectory(ProcessHandle process, Path dataDir) {
        ProcessHandle.Info info = process.info();
        // "postgres (deleted)" when zonky has unpacked its binaries afresh since
        boolean postgres = info.command().map(c -> Path.of(c).getFileName().toString().startsWith("postgres"))
                .orElse(false);
        String[] args = info.arguments().orElse(new String[0]);
        for (int i = 0; postgres && i + 1 < args.length; i++) {
            if (args[i].equals("-D") && sameDirectory(Path.of(args[i + 1]), dataDir)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameDirectory(Path a, Path b) {
        try {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize()) || Files.isSameFile(a, b);
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether the service that started the server still runs: zonky's lock on the directory is still held. */
    private static boolean ownerIsAlive(Path dataDir) {
        try (FileChannel channel = FileChannel.open(dataDir.resolve(OWNER_LOCK), StandardOpenOption.WRITE)) {
            FileLock lock = channel.tryLock();
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (OverlappingFileLockException e) {
            return true; // held by this JVM: a server started here earlier
        } catch (NoSuchFileException e) {
            return false; // a server started by other means on our directory: ours all the same
        } catch (IOException e) {
            throw new DatabaseStartFailure("The embedded PostgreSQL cannot start: " + dataDir.resolve(OWNER_LOCK)
                    + " cannot be opened (" + e.getMessage() + "). Give the service's user access to it.", e);
        }
    }

    private static void deleteStale(Path pidFile, long pid) {
        try {
            Files.deleteIfExists(pidFile);
            LOG.infof("Deleted %s: the PostgreSQL it names (PID %d) is gone, the PID is now this JVM's", pidFile, pid);
        } catch (IOException e) {
            throw new DatabaseStartFailure("The embedded PostgreSQL cannot start: " + pidFile + " is stale (PID " + pid
                    + " is this service now) but cannot be deleted (" + e.getMessage() + "). Delete it.", e);
        }
    }

    private static boolean exits(ProcessHandle process, Duration within) {
        try {
            process.onExit().get(within.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (TimeoutException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        } catch (ExecutionException e) {
            return !process.isAlive();
        }
    }

    private static String describe(ProcessHandle process) {
        return process.info().commandLine().or(() -> process.info().command()).orElse("a process of another user");
    }
}
