package dev.crossroads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.db.EmbeddedDatabase;
import dev.crossroads.testing.GizmoRawHost;
import dev.crossroads.testing.PackagedService;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two packaged replicas on one PostgreSQL, as Kubernetes runs them: whatever one of them changes (a sync, a
 * maintainer's curation) the other serves byte for byte within a second, and only one of them syncs at a time.
 * The first replica polls the data version only every 30 s, so what reaches it within the second came by
 * notification (LISTEN/NOTIFY); the second polls every second, the fallback when a notification is lost.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasAgreeIT {

    private static final String ADMIN_TOKEN = "replicas-admin-token";
    /** What the issue asks of replicas: the other one serves a change within a second. */
    private static final Duration AGREEMENT = Duration.ofSeconds(1);

    @TempDir
    static Path dir;

    private EmbeddedDatabase database;
    private GizmoRawHost github;
    private Path trees;
    private PackagedService first;
    private PackagedService second;

    @BeforeAll
    void twoReplicasOnOneDatabase() throws Exception {
        trees = dir.resolve("trees");
        for (String language : List.of("python", "go")) {
            copyTree(Path.of("config/examples/gizmo", language), trees.resolve(language));
        }
        github = GizmoRawHost.start(trees);
        github.slow(false);
        database = EmbeddedDatabase.startForTests(dir.resolve("db"));
        Path family = GizmoRawHost.writeFamily(dir);
        // no scheduled syncs: each change in these tests is made by the test, on the replica it names
        Map<String, String> properties = Map.of("crossroads.config-file", family.toString(),
                "crossroads.github.raw-url", github.url(), "crossroads.admin.token", ADMIN_TOKEN,
                "crossroads.sync.enabled", "false");
        Map<String, String> env = Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + database.port() + "/postgres",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + database.port() + "/postgres",
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", database.password());
        // the first replica polls too rarely to matter here: the changes made on the second reach it by notification
        Map<String, String> rarelyPolling = new java.util.HashMap<>(properties);
        rarelyPolling.put("crossroads.parity.refresh-interval", "PT30S");
        first = PackagedService.start(dir, rarelyPolling, env);
        second = PackagedService.start(dir, properties, env);
        first.awaitReady(Duration.ofSeconds(60));
        second.awaitReady(Duration.ofSeconds(60));
        // the first answers of a JVM compile the GraphQL path; agreement is about data, not warm-up
        for (int i = 0; i < 20; i++) {
            landing(first);
            landing(second);
        }
    }

    @AfterAll
    void stop() throws Exception {
        for (PackagedService replica : new PackagedService[] {first, second}) {
            if (replica != null) {
                replica.process().destroyForcibly();
            }
        }
        if (database != null) {
            database.close();
        }
        if (github != null) {
            github.close();
        }
    }

    @Test
    @Order(1)
    void aSyncOnOneReplicaIsServedIdenticallyByTheOtherWithinASecond() throws Exception {
        long before = dataVersion();

        assertThat(first.graphql("mutation { triggerSync { outcome } }", ADMIN_TOKEN)).contains("\"SUCCEEDED\"");

        assertThat(dataVersion()).as("the sync stored snapshots").isGreaterThan(before);
        String agreed = awaitAgreement();
        assertThat(agreed).contains("\"id\":\"python\"", "\"id\":\"go\"");
    }

    @Test
    @Order(2)
    void aCurationOnOneReplicaIsServedIdenticallyByTheOtherWithinASecond() throws Exception {
        String feature = JsonPath.from(landing(second)).getString("data.parityMatrix.rows[0].feature.id");

        assertThat(second.graphql("mutation { renameFeature(id: \"" + feature + "\", name: \"Renamed on the second\")"
                + " { name } }", ADMIN_TOKEN)).contains("Renamed on the second").doesNotContain("errors");

        assertThat(awaitAgreement()).contains("Renamed on the second");
    }

    @Test
    @Order(3)
    void aChangedFileSyncedByTheOtherReplicaIsServedByTheFirstWithinASecond() throws Exception {
        Path roadmap = trees.resolve("go/docs/roadmap.md");
        Files.writeString(roadmap, Files.readString(roadmap).replace("#### Developer experience", """
                ##### Add Replica Agreement module

                - [ ] Served the same by every replica

                #### Developer experience"""));

        assertThat(second.graphql("mutation { triggerSync(language: \"go\") { outcome } }", ADMIN_TOKEN))
                .contains("\"SUCCEEDED\"");

        assertThat(awaitAgreement()).contains("Replica Agreement");
    }

    @Test
    @Order(4)
    void whileOneReplicaSyncsTheOtherIsRefusedAndRunsNeverOverlap() throws Exception {
        github.slow(true);
        try {
            CompletableFuture<String> syncing = CompletableFuture.supplyAsync(() -> {
                try {
                    return first.graphql("mutation { triggerSync { outcome } }", ADMIN_TOKEN);
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            awaitRunning();

            assertThat(second.graphql("mutation { triggerSync { outcome } }", ADMIN_TOKEN)).contains("SYNC_BUSY");
            assertThat(syncing.get()).contains("\"SUCCEEDED\"");
        } finally {
            github.slow(false);
        }
        List<long[]> runs = runs();
        assertThat(runs).hasSizeGreaterThanOrEqualTo(3);
        for (int i = 1; i < runs.size(); i++) {
            assertThat(runs.get(i)[0]).as("run %d starts after run %d ended", i, i - 1)
                    .isGreaterThanOrEqualTo(runs.get(i - 1)[1]);
        }
    }

    @Test
    @Order(5)
    void aChangeNobodyAnnouncedReachesAReplicaByPollingWithinItsRefreshInterval() throws Exception {
        // as if a notification were lost: the version moves in the database and nobody says so
        long version;
        try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery(
                "UPDATE data_version SET version = version + 1, changed_at = now() RETURNING version")) {
            rs.next();
            version = rs.getLong(1);
        }
        long start = System.nanoTime();
        // the second replica checks every second (the default); a rebuild and one answer on top
        while (JsonPath.from(landing(second)).getLong("data.parityMatrix.dataVersion") != version) {
            assertThat(Duration.ofNanos(System.nanoTime() - start)).as("second replica at version %d", version)
                    .isLessThan(Duration.ofSeconds(2));
            Thread.sleep(20);
        }
    }

    /**
     * Polls both replicas until they answer the same landing bytes at the database's data version, and fails if
     * that takes longer than {@link #AGREEMENT}. Returns the agreed answer.
     */
    private String awaitAgreement() throws Exception {
        long version = dataVersion();
        long start = System.nanoTime();
        String a = null;
        String b = null;
        while (System.nanoTime() - start < AGREEMENT.toNanos()) {
            a = landing(first);
            b = landing(second);
            if (a.equals(b) && JsonPath.from(a).getLong("data.parityMatrix.dataVersion") == version) {
                return a;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("replicas did not agree on data version " + version + " within " + AGREEMENT
                + ":\nfirst:  " + a + "\nsecond: " + b);
    }

    private static String landing(PackagedService replica) throws Exception {
        HttpResponse<byte[]> response = replica.get("/api/queries/landing");
        assertThat(response.statusCode()).isEqualTo(200);
        return new String(response.body(), StandardCharsets.UTF_8);
    }

    private void awaitRunning() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (System.nanoTime() < deadline) {
            try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery(
                    "SELECT count(*) FROM sync_run WHERE outcome = 'RUNNING'")) {
                rs.next();
                if (rs.getLong(1) > 0) {
                    return;
                }
            }
            Thread.sleep(20);
        }
        throw new AssertionError("no sync started");
    }

    private long dataVersion() throws SQLException {
        try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT version FROM data_version")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<long[]> runs() throws SQLException {
        try (Connection c = connect(); var s = c.createStatement(); var rs = s.executeQuery(
                "SELECT extract(epoch FROM started_at) * 1000, extract(epoch FROM finished_at) * 1000"
                        + " FROM sync_run WHERE finished_at IS NOT NULL ORDER BY started_at")) {
            List<long[]> runs = new java.util.ArrayList<>();
            while (rs.next()) {
                runs.add(new long[] {rs.getLong(1), rs.getLong(2)});
            }
            return runs;
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + database.port() + "/postgres", "postgres",
                database.password());
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        }
    }
}
