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
        EmbeddedDatabase database = start(dataDirectory, port, true);
        STARTED.set(database);
        return database;
    }

    /** Starts a throw-away server for tests: no fsync, as fast as PostgreSQL goes. */
    public static EmbeddedDatabase startForTests(Path dataDirectory) {
        return start(dataDirectory, OptionalInt.empty(), false);
    }

    /** The server this JVM started for the service, if any. */
    public static Optional<EmbeddedDatabase> started() {
        return Optional.ofNullable(STARTED.get());
    }

    private static EmbeddedDatabase start(Path dataDirectory, OptionalInt port, boolean durable) {
        Path dir = dataDirectory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir);
            LeftoverServer.stopIfAny(dir);
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
                    .setServerConfig("max_connections", "100");
            Optional<Path> initdbPasswordFile = password.configure(builder);
            try {
                return new EmbeddedDatabase(startRequiringPassword(builder, password), dir, password.value());
            } finally {
                if (initdbPasswordFile.isPresent()) {
                    Files.deleteIfExists(initdbPasswordFile.get());
                }
            }
        } catch (IOException | UncheckedIOException | IllegalStateException e) {
            // zonky's own failures: why PostgreSQL refused is in its output, logged above (io.zonky)
            throw new DatabaseStartFailure("The embedded PostgreSQL in " + dir + " did not start: " + e.getMessage()
                    + " (PostgreSQL's own messages, logged by io.zonky, say why)", e);
        }
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
        Map<String, String> props = new LinkedHashMap<>();
        props.put("quarkus.datasource.reactive.url", "postgresql://localhost:" + port() + "/postgres");
        props.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + port() + "/postgres");
        props.put("quarkus.datasource.username", "postgres");
        props.put("quarkus.datasource.password", password);
        return props;
    }

    /**
     * Stops the server when the JVM exits. On SIGTERM Quarkus stops in its own shutdown hook, concurrently with
     * this one, so we wait (briefly) until Quarkus reports it is shutting down before stopping the database.
     */
    public void stopWhenJvmExits() {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                quarkusStopped.await(QUARKUS_STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            close();
        }, "embedded-postgres-stop"));
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
