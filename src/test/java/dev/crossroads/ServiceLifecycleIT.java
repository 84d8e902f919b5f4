package dev.crossroads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.db.EmbeddedDatabase;
import dev.crossroads.testing.GizmoRawHost;
import dev.crossroads.testing.PackagedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the packaged service as an operator would ({@code java -jar}) and checks what only a real process shows:
 * the embedded database starts with it, survives restarts, and stops with it; bad configuration stops start-up.
 * GitHub is a local stand-in ({@link GizmoRawHost}) in every test: the shipped family's files are not there (404),
 * which the sync records like any other answer; no test reaches the network.
 */
class ServiceLifecycleIT {

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();
    /** The password of the test's database server: each data directory has its own. */
    private String password;
    /** The raw file host of every start that names none of its own. */
    private GizmoRawHost localGitHub;

    @BeforeEach
    void localGitHub() throws IOException {
        localGitHub = GizmoRawHost.start();
        localGitHub.slow(false);
    }

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
        localGitHub.close();
    }

    @Test
    void embeddedDatabaseKeepsItsDataAcrossRestartsAndStopsWithTheService() throws Exception {
        Path dataDir = dir.resolve("pg");
        int dbPort = PackagedService.freePort();

        PackagedService first = start(Map.of("crossroads.db.data-dir", dataDir.toString(),
                "crossroads.db.port", String.valueOf(dbPort)), Map.of());
        first.awaitReady(Duration.ofSeconds(60));
        awaitTrue(() -> localGitHub.requests() > 0);
        password = Files.readString(dataDir.resolve("crossroads-password"));
        assertThat(first.graphql("{ languages { id } }", null))
                .contains("\"id\":\"python\"", "\"id\":\"typescript\"", "\"id\":\"java\"", "\"id\":\"dotnet\"");
        sql(dbPort, "CREATE TABLE restart_marker (id int); INSERT INTO restart_marker VALUES (42)");

        first.terminateAndAwait(Duration.ofSeconds(10));
        assertThat(postgresProcessesUsing(dataDir)).as("postgres processes left after SIGTERM").isEmpty();

        PackagedService second = start(Map.of("crossroads.db.data-dir", dataDir.toString(),
                "crossroads.db.port", String.valueOf(dbPort)), Map.of());
        second.awaitReady(Duration.ofSeconds(60));
        assertThat(sqlCount(dbPort, "SELECT count(*) FROM restart_marker WHERE id = 42")).isEqualTo(1);
        second.terminateAndAwait(Duration.ofSeconds(10));
        assertThat(postgresProcessesUsing(dataDir)).isEmpty();
    }

    /** Also: one setting turns the console log into one JSON object per line, for log collectors. */
    @Test
    void externalDatasourceIsUsedAndNothingIsEmbedded() throws Exception {
        try (EmbeddedDatabase external = EmbeddedDatabase.startForTests(dir.resolve("external"))) {
            password = external.password();
            Path unusedDataDir = dir.resolve("must-not-exist");
            Map<String, String> env = new java.util.HashMap<>(externalDatasource(external.port()));
            env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");

            PackagedService service = start(Map.of("crossroads.db.data-dir", unusedDataDir.toString()), env);
            service.awaitReady(Duration.ofSeconds(60));
            awaitTrue(() -> localGitHub.requests() > 0);

            assertThat(unusedDataDir).doesNotExist();
            assertThat(sqlCount(external.port(), "SELECT count(*) FROM information_schema.tables"
                    + " WHERE table_name = 'flyway_schema_history'")).as("Flyway ran on the external server").isOne();
            service.terminateAndAwait(Duration.ofSeconds(10));
            List<String> started = service.output().lines().filter(line -> line.contains("started in")).toList();
            assertThat(started).singleElement().satisfies(line -> assertThat(
                    new io.vertx.core.json.JsonObject(line).getString("message")).contains("started in"));
        }
    }

    @Test
    void twoReplicasOnOneDatabaseNeverSyncAtTheSameTime() throws Exception {
        GizmoRawHost slowGitHub = GizmoRawHost.start();
        Path family = GizmoRawHost.writeFamily(dir);
        try (EmbeddedDatabase shared = EmbeddedDatabase.startForTests(dir.resolve("shared-db"))) {
            password = shared.password();
            Map<String, String> env = externalDatasource(shared.port());
            Map<String, String> properties = Map.of("crossroads.config-file", family.toString(),
                    "crossroads.github.raw-url", slowGitHub.url(),
                    "crossroads.sync.interval", "1s");
            PackagedService first = start(properties, env);
            PackagedService second = start(properties, env);
            first.awaitReady(Duration.ofSeconds(60));
            second.awaitReady(Duration.ofSeconds(60));
            Thread.sleep(12_000);
            first.terminateAndAwait(Duration.ofSeconds(10));
            second.terminateAndAwait(Duration.ofSeconds(10));

            List<long[]> runs = new ArrayList<>();
            try (Connection c = connect(shared.port()); var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT extract(epoch FROM started_at) * 1000, extract(epoch FROM finished_at) * 1000"
                            + " FROM sync_run WHERE finished_at IS NOT NULL ORDER BY started_at")) {
                while (rs.next()) {
                    runs.add(new long[] {rs.getLong(1), rs.getLong(2)});
                }
            }
            assertThat(runs).as("completed runs").hasSizeGreaterThanOrEqualTo(3);
            for (int i = 1; i < runs.size(); i++) {
                assertThat(runs.get(i)[0]).as("run %d starts after run %d ended", i, i - 1)
                        .isGreaterThanOrEqualTo(runs.get(i - 1)[1]);
            }
        } finally {
            slowGitHub.close();
        }
    }

    /** A rolling update stops a replica whenever it likes: a sync under way is finished and recorded, not cut off. */
    @Test
    void aStopMidSyncLetsTheRunFinishWholeAndLogsNoError() throws Exception {
        GizmoRawHost slowGitHub = GizmoRawHost.start(); // 400 ms a file: the start-up sync takes a few seconds
        Path family = GizmoRawHost.writeFamily(dir);
        try (EmbeddedDatabase database = EmbeddedDatabase.startForTests(dir.resolve("stop-db"))) {
            password = database.password();
            PackagedService service = start(Map.of("crossroads.config-file", family.toString(),
                    "crossroads.github.raw-url", slowGitHub.url()), externalDatasource(database.port()));
            service.awaitReady(Duration.ofSeconds(60));
            awaitTrue(() -> sqlCount(database.port(), "SELECT count(*) FROM sync_run WHERE outcome = 'RUNNING'") > 0);

            service.terminateAndAwait(Duration.ofSeconds(20));

            assertThat(sqlCount(database.port(), "SELECT count(*) FROM sync_run WHERE outcome = 'SUCCEEDED'"))
                    .as("the run under way at the stop finished").isOne();
            assertThat(sqlCount(database.port(), "SELECT count(*) FROM sync_run WHERE outcome <> 'SUCCEEDED'")).isZero();
            assertThat(sqlCount(database.port(), "SELECT count(*) FROM snapshot")).isEqualTo(4);
            assertThat(sqlCount(database.port(), "SELECT count(*) FROM sync_lease WHERE holder IS NOT NULL"))
                    .as("the lease was handed back").isZero();
            String output = service.output();
            assertThat(output).contains("letting the sync under way finish");
            assertThat(output.lines().filter(line -> line.contains("ERROR") || line.contains("After Shutdown")))
                    .as("errors in the log").isEmpty();
        } finally {
            slowGitHub.close();
        }
    }

    @Test
    void theDatabaseStoppingMidSyncLeavesNoPartialSnapshotAndTheNextRunRecovers() throws Exception {
        GizmoRawHost slowGitHub = GizmoRawHost.start();
        Path family = GizmoRawHost.writeFamily(dir);
        int dbPort = PackagedService.freePort();
        Path dbDir = dir.resolve("db");
        EmbeddedDatabase database = EmbeddedDatabase.start(dbDir, java.util.OptionalInt.of(dbPort));
        password = database.password();
        try {
            Map<String, String> env = externalDatasource(dbPort);
            PackagedService service = start(Map.of("crossroads.config-file", family.toString(),
                    "crossroads.github.raw-url", slowGitHub.url(),
                    "crossroads.sync.interval", "2s"), env);
            service.awaitReady(Duration.ofSeconds(60));
            awaitTrue(() -> sqlCount(dbPort, "SELECT count(*) FROM sync_run WHERE outcome = 'RUNNING'") > 0);

            database.close();
            Thread.sleep(3_000);
            assertThat(service.process().isAlive()).as("the service survives its database going away").isTrue();
            database = EmbeddedDatabase.start(dbDir, java.util.OptionalInt.of(dbPort));

            awaitTrue(() -> sqlCount(dbPort, "SELECT count(*) FROM sync_run WHERE outcome = 'SUCCEEDED'") > 0);
            assertThat(sqlCount(dbPort, "SELECT count(*) FROM snapshot s WHERE s.item_count <>"
                    + " (SELECT count(*) FROM snapshot_item i WHERE i.snapshot_id = s.id)")).as("partial snapshots").isZero();
            assertThat(sqlCount(dbPort, "SELECT count(*) FROM snapshot")).isEqualTo(4);
            assertThat(sqlCount(dbPort, "SELECT count(*) FROM sync_run WHERE outcome = 'RUNNING'"
                    + " AND started_at < now() - interval '10 seconds'")).as("abandoned runs are closed").isZero();
            service.terminateAndAwait(Duration.ofSeconds(10));
        } finally {
            database.close();
            slowGitHub.close();
        }
    }

    private static void awaitTrue(java.util.concurrent.Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                if (condition.call()) {
                    return;
                }
            } catch (SQLException notYet) {
                // database restarting
            }
            Thread.sleep(200);
        }
        throw new AssertionError("condition not met within 60 s");
    }

    /** The embedded server starts beside Quarkus's boot: when it cannot, the service still stops with its reason. */
    @Test
    void anEmbeddedServerThatCannotStartStopsTheServiceWithOneClearLine() throws Exception {
        Path dataDir = dir.resolve("pg");
        EmbeddedDatabase.startForTests(dataDir).close();
        Files.writeString(dataDir.resolve("postgresql.conf"), "\nnot_a_postgresql_setting = 1\n",
                java.nio.file.StandardOpenOption.APPEND);

        PackagedService service = start(Map.of("crossroads.db.data-dir", dataDir.toString()), Map.of());

        // zonky waits 30 s for a server that will not come up
        assertThat(service.process().waitFor(90, TimeUnit.SECONDS)).as("service exits").isTrue();
        assertThat(service.process().exitValue()).isNotZero();
        assertThat(service.output().lines().filter(line -> line.contains("ERROR"))).singleElement().asString()
                .contains("The embedded PostgreSQL in " + dataDir + " did not start")
                .contains("PostgreSQL said: LOG:  unrecognized configuration parameter", "FATAL:  configuration file")
                .contains("unrecognized configuration parameter \"not_a_postgresql_setting\"");
        assertThat(postgresProcessesUsing(dataDir)).isEmpty();
    }

    @Test
    void invalidFamilyFileStopsStartUpWithOneClearLine() throws Exception {
        Path config = dir.resolve("family.yaml");
        Files.writeString(config, """
                family: { id: fam, name: Family }
                languages:
                  - { name: Go, repository: acme/fam-go }
                """);
        Path dataDir = dir.resolve("pg");

        PackagedService service = start(Map.of("crossroads.config-file", config.toString(),
                "crossroads.db.data-dir", dataDir.toString()), Map.of());

        assertThat(service.process().waitFor(60, TimeUnit.SECONDS)).as("service exits").isTrue();
        assertThat(service.process().exitValue()).isNotZero();
        assertThat(service.output()).contains(config + ": languages[0].id: is required");
        assertThat(postgresProcessesUsing(dataDir)).isEmpty();
    }

    private PackagedService start(Map<String, String> properties, Map<String, String> env) throws IOException {
        Map<String, String> withLocalGitHub = new java.util.HashMap<>(properties);
        withLocalGitHub.putIfAbsent("crossroads.github.raw-url", localGitHub.url());
        PackagedService service = PackagedService.start(dir, withLocalGitHub, env);
        started.add(service.process());
        return service;
    }

    /** The environment that points the service at a PostgreSQL of our own instead of its embedded one. */
    private Map<String, String> externalDatasource(int port) {
        return Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + port + "/postgres",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + port + "/postgres",
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", password);
    }

    private static List<ProcessHandle> postgresProcessesUsing(Path dataDir) {
        String dir = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(dir)).orElse(false))
                .toList();
    }

    private void sql(int port, String statements) throws SQLException {
        try (Connection c = connect(port); var s = c.createStatement()) {
            s.execute(statements);
        }
    }

    private long sqlCount(int port, String query) throws SQLException {
        try (Connection c = connect(port); var s = c.createStatement(); var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private Connection connect(int port) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres", "postgres", password);
    }
}
