package dev.crossroads.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.jboss.logging.Logger;

/**
 * A PostgreSQL server run from the zonky binaries on Maven Central, for installs with no database of their own and
 * for the tests. Its data directory survives restarts; the server stops when the JVM exits, after Quarkus has closed
 * its connections, so no {@code postgres} process outlives the service. A server that did outlive one (the JVM was
 * killed) is stopped by the next start on the same directory ({@link LeftoverServer}).
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(EmbeddedDatabase.class);
    /** How long the shutdown hook waits for Quarkus to close its pools before stopping the server anyway. */
    private static final Duration QUARKUS_STOP_GRACE = Duration.ofSeconds(5);

    /**
     * Before Quarkus configures logging every level is printed, and zonky logs a stack trace at TRACE every 100 ms
     * while it waits for the server: a start that fails would bury PostgreSQL's own reason under thousands of lines.
     * Held here because the logging system keeps loggers weakly; Quarkus's own settings apply once it boots.
     */
    private static final java.util.logging.Logger ZONKY = java.util.logging.Logger.getLogger("io.zonky");

    static {
        ZONKY.setLevel(java.util.logging.Level.INFO);
    }

    /** The server this JVM started, so the Quarkus shutdown observer can find it. */
    private static final AtomicReference<EmbeddedDatabase> STARTED = new AtomicReference<>();
    /** The server this JVM is starting beside Quarkus's boot, until it is up. */
    private static final AtomicReference<CompletableFuture<EmbeddedDatabase>> STARTING = new AtomicReference<>();

    private final EmbeddedPostgres postgres;
    private final Path dataDirectory;
    private final String password;
    private final CountDownLatch quarkusStopped = new CountDownLatch(1);

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path dataDirectory, String password) {
        this.postgres = postgres;
        this.dataDirectory = dataDirectory;
        this.password = password;
    }

    /**
     * Starts a server for the service itself: durable (fsync and synchronous commit on, unlike the zonky defaults
     * meant for throw-away test databases), on {@code port} or a free port, initialising the directory only if new.
     */
    public static EmbeddedDatabase start(Path dataDirectory, OptionalInt port) {
        EmbeddedDatabase database = prepare(dataDirectory, port, true).start();
        STARTED.set(database);
        return database;
    }

    /**
     * As {@link #start(Path, OptionalInt)}, but the server starts on a thread of its own while the caller goes on
     * (Quarkus boots meanwhile: the two took 1.5 to 4 s one after the other). What can stop the start at once (the
     * directory held by something else, its password file gone) is checked before this returns; the server's
     * address and password are known at once, since the port is chosen and the password read before it starts.
     */
    public static Starting startInBackground(Path dataDirectory, OptionalInt port) {
        Prepared prepared = prepare(dataDirectory, port, true);
        CompletableFuture<EmbeddedDatabase> started = new CompletableFuture<>();
        STARTING.set(started);
        Thread thread = new Thread(() -> {
            try {
                long begun = System.nanoTime();
                EmbeddedDatabase database = prepared.start();
                LOG.infof("Embedded PostgreSQL up in %d ms", (System.nanoTime() - begun) / 1_000_000);
                STARTED.set(database);
                started.complete(database);
            } catch (RuntimeException e) {
                started.completeExceptionally(e);
            }
        }, "embedded-postgres-start");
        thread.setDaemon(true);
        thread.start();
        return new Starting(connectionProperties(prepared.port(), prepared.password().value()), started);
    }

    /**
     * Waits until the server this JVM is starting in the background is up (nothing to wait for when it started
     * another way, or there is none): what connects first at start-up (the migrations) calls this.
     *
     * @throws DatabaseStartFailure when it did not start
     */
    public static void awaitStarted() {
        CompletableFuture<EmbeddedDatabase> starting = STARTING.get();
        if (starting == null) {
            return;
        }
        try {
            starting.join();
        } catch (java.util.concurrent.CompletionException e) {
            throw e.getCause() instanceof DatabaseStartFailure failure ? failure
                    : new DatabaseStartFailure("The embedded PostgreSQL did not start: " + e.getCause().getMessage(),
                            e.getCause());
        }
    }

    /** Starts a throw-away server for tests: no fsync, as fast as PostgreSQL goes. */
    public static EmbeddedDatabase startForTests(Path dataDirectory) {
        return prepare(dataDirectory, OptionalInt.empty(), false).start();
    }

    /** The server this JVM started for the service, if any. */
    public static Optional<EmbeddedDatabase> started() {
        return Optional.ofNullable(STARTED.get());
    }

    /**
     * Everything decided before the server starts: its directory, cleared of leftovers, password and port, and
     * where its log stood, so that a failure can quote what PostgreSQL said this time.
     */
    private record Prepared(Path dir, ServerPassword password, int port, EmbeddedPostgres.Builder builder,
            Optional<Path> initdbPasswordFile, long logOffset) {

        EmbeddedDatabase start() {
            try {
                return new EmbeddedDatabase(startRequiringPassword(builder, password), dir, password.value());
            } catch (IOException | UncheckedIOException | IllegalStateException e) {
                throw failure(dir, e, PostgresLog.complaints(PostgresLog.of(dir), logOffset));
            } finally {
                if (initdbPasswordFile.isPresent()) {
                    try {
                        Files.deleteIfExists(initdbPasswordFile.get());
                    } catch (IOException e) {
                        LOG.warnf("Could not delete %s: %s", initdbPasswordFile.get(), e.getMessage());
                    }
                }
            }
        }
    }

    private static Prepared prepare(Path dataDirectory, OptionalInt port, boolean durable) {
        if (EmbeddedBinaries.forThisMachine().isEmpty()) {
            // before anything is written: a build without binaries leaves no empty data directory behind
            throw new DatabaseStartFailure(EmbeddedBinaries.missing(System.getProperty("os.name"),
                    System.getProperty("os.arch")));
        }
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            LeftoverServer.stopIfAny(dir);
            Path log = PostgresLog.of(dir);
            long logOffset = Files.exists(log) ? Files.size(log) : 0;
            ServerPassword password = ServerPassword.of(dir);
            int chosenPort = port.isPresent() ? port.getAsInt() : freePort();
            LOG.infof("Starting embedded PostgreSQL on port %d with data in %s", chosenPort, dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    .setPort(chosenPort)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(30))
                    .setServerConfig("fsync", durable ? "on" : "off")
                    .setServerConfig("synchronous_commit", durable ? "on" : "off")
                    .setServerConfig("max_connections", "100")
                    // PostgreSQL's own output (initdb, pg_ctl, the server) goes to a file beside its directory: zonky
                    // would echo every line through the service's log, and once Quarkus's log settings apply
                    // (they arrive while the server starts) a failure's reason would not be shown at all
                    .setOutputRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .setErrorRedirector(ProcessBuilder.Redirect.appendTo(log.toFile()));
            return new Prepared(dir, password, chosenPort, builder, password.configure(builder), logOffset);
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            throw failure(dir, e, "");
        }
    }

    /** zonky's failure, with what PostgreSQL's log says about it. */
    private static DatabaseStartFailure failure(Path dir, Exception e, String complaints) {
        return new DatabaseStartFailure("The embedded PostgreSQL in " + dir + " did not start: " + e.getMessage()
                + (complaints.isEmpty() ? "" : ". PostgreSQL said: " + complaints)
                + " (its log: " + PostgresLog.of(dir) + ")", e);
    }

    private static EmbeddedPostgres startRequiringPassword(EmbeddedPostgres.Builder builder, ServerPassword password)
            throws IOException {
        EmbeddedPostgres postgres = builder.start();
        try {
            password.enforce(postgres);
            return postgres;
        } catch (IOException | RuntimeException e) {
            postgres.close(); // a server nobody will use or stop
            throw e;
        }
    }

    public int port() {
        return postgres.getPort();
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The superuser's password, kept in the data directory ({@value ServerPassword#FILE}). */
    public String password() {
        return password;
    }

    /** The Quarkus datasource settings that point at this server. */
    public Map<String, String> connectionProperties() {
        return connectionProperties(port(), password);
    }

    private static Map<String, String> connectionProperties(int port, String password) {
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + port + "/postgres");
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port + "/postgres");
        props.put("quarkus.datasource.username", "postgres");
        props.put("quarkus.datasource.password", password);
        return props;
    }

    /** Waits (briefly) until Quarkus reports it is shutting down, then stops the server. */
    private void closeAfterQuarkus() {
        try {
            quarkusStopped.await(QUARKUS_STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        close();
    }

    /** A server starting on a thread of its own ({@link #startInBackground}). */
    public static final class Starting {

        /** Longest a stopping JVM waits for a server still starting, to stop it rather than leave it behind. */
        private static final Duration START_GRACE = Duration.ofSeconds(30);

        private final Map<String, String> connectionProperties;
        private final CompletableFuture<EmbeddedDatabase> started;

        private Starting(Map<String, String> connectionProperties, CompletableFuture<EmbeddedDatabase> started) {
            this.connectionProperties = connectionProperties;
            this.started = started;
        }

        /** The Quarkus datasource settings that point at the server, known before it is up. */
        public Map<String, String> connectionProperties() {
            return connectionProperties;
        }

        /** Runs {@code failed} (on the starting thread) if the server does not start. */
        public void whenFailed(java.util.function.Consumer<Throwable> failed) {
            started.whenComplete((database, error) -> {
                if (error != null) {
                    failed.accept(error);
                }
            });
        }

        /**
         * Stops the server when the JVM exits, once it is up. On SIGTERM Quarkus stops in its own shutdown hook,
         * concurrently with this one, so the server is stopped after Quarkus reports it is shutting down.
         */
        public void stopWhenJvmExits() {
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.get(START_GRACE.toMillis(), TimeUnit.MILLISECONDS).closeAfterQuarkus();
                } catch (java.util.concurrent.ExecutionException e) {
                    // it never started: nothing to stop
                } catch (java.util.concurrent.TimeoutException e) {
                    LOG.warnf("The embedded PostgreSQL was still starting after %s; the next start stops it",
                            START_GRACE);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }, "embedded-postgres-stop"));
        }

        /** Signals that Quarkus has stopped serving and the server may stop. */
        public void quarkusStopped() {
            started.thenAccept(EmbeddedDatabase::quarkusStopped);
        }
    }

    /** Signals that Quarkus has stopped serving and the server may stop. */
    public void quarkusStopped() {
        quarkusStopped.countDown();
    }

    @Override
    public synchronized void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            LOG.warnf("Embedded PostgreSQL did not stop cleanly: %s", e.getMessage());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
