package dev.crossroads.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.ParityCell;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityState;
import dev.crossroads.source.SourceService;
import dev.crossroads.sync.SyncRequest;
import dev.crossroads.sync.SyncRun;
import dev.crossroads.sync.SyncService;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitRepos;
import dev.crossroads.testing.GraphQLRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Backfills made-up repositories with the shapes history has: a page moved to another folder, a beta that became
 * generally available, a release tagged on a commit off the tracked branch, a sync that ran before the backfill, a
 * repository that grew between two backfills.
 */
@QuarkusTest
@TestProfile(HistoryBackfillTests.TwoRepos.class)
class HistoryBackfillTests {

    static final String TOKEN = "history-admin-token";
    /** A fixed place: the profile is read in another class loader than the test's, so no static is shared. */
    static final Path root = Path.of("target/history-test-repos").toAbsolutePath();

    public static class TwoRepos implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            try {
                Files.createDirectories(root.resolve("gizmo"));
                Files.createDirectories(root.resolve("rust"));
                Files.writeString(root.resolve("family.yaml"), """
                        family: {id: toys, name: Toys}
                        languages:
                          - {id: gizmo, name: Gizmo, repository: toys/gizmo, branch: main, local-path: gizmo}
                          - {id: rust, name: Rust, repository: toys/rust, branch: trunk, local-path: rust}
                        """, StandardCharsets.UTF_8);
                return Map.of("crossroads.config-file", root.resolve("family.yaml").toString(),
                        "crossroads.parity.catalog", "none", "crossroads.admin.token", TOKEN,
                        "crossroads.history.slice-commits", "2");
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @Inject
    BackfillService backfill;

    @Inject
    SyncService sync;

    @Inject
    ParityService parity;

    @Inject
    SourceService family;

    @Inject
    Pool pool;

    static final String C1 = "2021-01-10T10:00:00Z";
    static final String C2 = "2021-03-01T10:00:00Z";
    static final String C4 = "2021-04-01T10:00:00Z";
    static final String C5 = "2021-05-01T10:00:00Z";
    static final String R1 = "2021-02-01T10:00:00Z";

    @BeforeEach
    void freshRepositories() throws IOException {
        Database.wipeSyncHistory(pool);
        Database.execute(pool, "TRUNCATE history_backfill, release_tag");
        for (String name : List.of("gizmo", "rust")) {
            Path folder = root.resolve(name);
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).filter(p -> !p.equals(folder))
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    /** gizmo: logger from C1 (v1.0.0), flags in beta from C2 (v1.1.0 cut off the branch), logger moved at C4. */
    private String gizmoUpToTheMove() {
        try (GitRepos gizmo = GitRepos.init(root.resolve("gizmo"), "main")) {
            String c1 = gizmo.commit(C1, Map.of("mkdocs.yml", nav("core/logger.md"),
                    "docs/index.md", "# Gizmo\n", "docs/core/logger.md", "# Logger\n\nStructured logs.\n"));
            gizmo.tag("v1.0.0", c1, "2021-01-15T00:00:00Z");
            String c2 = gizmo.commit(C2, Map.of("mkdocs.yml", nav("core/logger.md", "utilities/flags.md"),
                    "docs/utilities/flags.md", "# Feature flags\n\n!!! warning \"This utility is in beta\"\n"));
            // the release is cut on a branch off c2, with a version bump the tracked branch never sees
            gizmo.checkout("release", true);
            String bump = gizmo.commit("2021-03-05T00:00:00Z", Map.of("VERSION", "1.1.0\n"));
            gizmo.tag("v1.1.0", bump, "2021-03-05T00:00:00Z");
            gizmo.checkout("main", false);
            Map<String, String> move = new HashMap<>();
            move.put("mkdocs.yml", nav("core/logging/index.md", "utilities/flags.md"));
            move.put("docs/core/logger.md", null);
            move.put("docs/core/logging/index.md", "# Logger\n\nStructured logs.\n");
            return gizmo.commit(C4, move) + " " + c2;
        }
    }

    private static void gizmoGoesGenerallyAvailable() {
        gizmoGoesGenerallyAvailable(C5);
    }

    private static void gizmoGoesGenerallyAvailable(String at) {
        try (GitRepos gizmo = GitRepos.init(root.resolve("gizmo"), "main")) {
            String c5 = gizmo.commit(at, Map.of("docs/utilities/flags.md", "# Feature flags\n\nStable now.\n"));
            gizmo.tag("v1.2.0", c5, "2021-05-02T00:00:00Z");
        }
    }

    private static void rust() {
        try (GitRepos rust = GitRepos.init(root.resolve("rust"), "trunk")) {
            String r1 = rust.commit(R1, Map.of("mkdocs.yml", nav("core/logger.md"), "docs/index.md", "# Rust\n",
                    "docs/core/logger.md", "# Logger\n"));
            rust.tag("v0.1.0", r1, "2021-02-02T00:00:00Z");
        }
    }

    private static String nav(String... pages) {
        StringBuilder yaml = new StringBuilder("site_name: Toy\nnav:\n  - Homepage: index.md\n  - Features:\n");
        for (String page : pages) {
            yaml.append("      - ").append(page).append('\n');
        }
        return yaml.toString();
    }

    @Test
    void datesAndReleasesComeFromTheCommitsAndAMovedPageIsTheSameFeature() throws Throwable {
        gizmoUpToTheMove();
        gizmoGoesGenerallyAvailable();
        rust();
        backfillAll();
        ParityState state = matrix();

        ParityCell logger = cell(state, "gizmo", "logger");
        assertThat(logger.availableSince()).isEqualTo(Instant.parse(C1));
        assertThat(logger.versionAdded()).isEqualTo("v1.0.0");
        assertThat(Database.count(pool, "SELECT count(*) FROM change_event WHERE language = 'gizmo' AND kind"
                + " = 'RENAMED' AND new_value = 'docs/core/logging/index.md'")).isEqualTo(1);

        ParityCell flags = cell(state, "gizmo", "feature-flags");
        assertThat(flags.availableSince()).isEqualTo(Instant.parse(C2));
        assertThat(flags.versionAdded()).as("contained by the tag cut off the branch").isEqualTo("v1.1.0");
        assertThat(flags.generallyAvailableSince()).isEqualTo(Instant.parse(C5));
        assertThat(flags.generallyAvailableIn()).isEqualTo("v1.2.0");
        assertThat(flags.since()).isEqualTo(Instant.parse(C5));

        MatrixRow row = state.rowsById().get("logger");
        assertThat(row.universalSince()).isEqualTo(Instant.parse(R1));
        assertThat(row.universalCompletedBy()).isEqualTo("rust");
    }

    @Test
    void aBackfillAfterASyncSlotsHistoryBeforeItAndTheNextOneContinuesWhereTheLastStopped() throws Throwable {
        String[] commits = gizmoUpToTheMove().split(" ");
        rust();
        SyncRun synced = VertxContextSupport.subscribeAndAwait(() -> sync.run(SyncRequest.everything(
                SyncRun.Trigger.MANUAL)));
        assertThat(synced.outcome).isEqualTo(SyncRun.Outcome.PARTIAL); // no roadmap pages, docs read
        assertThat(cell(matrix(), "gizmo", "logger").availableSince()).isAfter(Instant.parse(C5));

        backfillAll();
        assertThat(cell(matrix(), "gizmo", "logger").availableSince()).isEqualTo(Instant.parse(C1));
        // the synced snapshot says what the last commit said: its "added" events are gone, history has them
        assertThat(Database.count(pool, "SELECT count(*) FROM change_event e JOIN snapshot s ON s.id = e.snapshot_id"
                + " WHERE s.commit_id IS NULL")).isZero();
        assertThat(Database.text(pool, "SELECT last_commit FROM history_backfill WHERE language = 'gizmo'"))
                .isEqualTo(new String[] {commits[0]}[0]);

        // what a commit made after a source's first sync changed belongs to the syncs: a second backfill reads it
        // only for the sources no sync has stored yet (here the roadmap, which the repository does not have)
        long snapshots = Database.count(pool, "SELECT count(*) FROM snapshot");
        gizmoGoesGenerallyAvailable(Instant.now().plusSeconds(3600).truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString());
        BackfillProgress again = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language("gizmo"), null));
        assertThat(again.commitsTotal()).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT count(*) FROM snapshot")).isEqualTo(snapshots);
    }

    @Test
    void aBackfillResumesAfterTheLastCommitItStored() throws Throwable {
        gizmoUpToTheMove();
        rust();
        backfillAll();
        long before = Database.count(pool, "SELECT count(*) FROM snapshot");
        gizmoGoesGenerallyAvailable();
        BackfillProgress next = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language("gizmo"), null));
        assertThat(next.commitsTotal()).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT count(*) FROM snapshot")).isEqualTo(before + 1);
        assertThat(cell(matrix(), "gizmo", "feature-flags").generallyAvailableIn()).isEqualTo("v1.2.0");
    }

    @Test
    void aPageASyncSeesMovedKeepsItsHistory() throws Throwable {
        rust();
        VertxContextSupport.subscribeAndAwait(() -> backfill.run(language("rust"), null));
        try (GitRepos rust = GitRepos.init(root.resolve("rust"), "trunk")) {
            Map<String, String> move = new HashMap<>();
            move.put("mkdocs.yml", nav("core/logging.md"));
            move.put("docs/core/logger.md", null);
            move.put("docs/core/logging.md", "# Logger\n");
            rust.commit(Instant.now().plusSeconds(60).truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(),
                    move);
        }
        VertxContextSupport.subscribeAndAwait(() -> sync.run(new SyncRequest(SyncRun.Trigger.MANUAL,
                java.util.Optional.of("rust"), java.util.Optional.of(dev.crossroads.snapshot.SourceKind.DOCS))));
        for (int i = 0; i < 100 && Database.count(pool, "SELECT count(*) FROM change_event WHERE kind = 'RENAMED'"
                + " AND language = 'rust'") == 0; i++) {
            sleep();
        }
        assertThat(Database.count(pool, "SELECT count(*) FROM change_event WHERE language = 'rust'"
                + " AND kind IN ('ADDED', 'REMOVED') AND item_key LIKE 'docs/core/logg%'")).isEqualTo(1); // R1's
        assertThat(cell(matrix(), "rust", "logger").availableSince()).isEqualTo(Instant.parse(R1));
    }

    @Test
    void aSyncAskedForWhileABackfillSliceHoldsTheLeaseRunsOnceTheSliceEnds() throws Exception {
        rust();
        java.util.concurrent.CompletableFuture<Void> release = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Void> slice = sync.holdingLease(
                () -> io.smallrye.mutiny.Uni.createFrom().completionStage(release)).subscribeAsCompletionStage();
        java.util.concurrent.CompletableFuture<SyncRun> run = sync.run(SyncRequest.everything(
                SyncRun.Trigger.MANUAL)).subscribeAsCompletionStage();
        Thread.sleep(500);
        assertThat(run).as("waits for the slice, is not refused").isNotDone();

        release.complete(null);
        slice.get(10, java.util.concurrent.TimeUnit.SECONDS);
        assertThat(run.get(30, java.util.concurrent.TimeUnit.SECONDS).outcome).isNotEqualTo(SyncRun.Outcome.RUNNING);
    }

    @Test
    void theMutationNeedsTheAdminTokenAndProgressIsReadable() {
        rust();
        JsonPath refused = GraphQLRequests.post("backfillHistory", Map.of("language", "rust")).extract().jsonPath();
        assertThat(refused.getString("errors[0].extensions.code")).isEqualTo("UNAUTHORIZED");

        given().header("Authorization", "Bearer " + TOKEN).contentType("application/json")
                .body(Map.of("query", GraphQLRequests.document("backfillHistory"), "variables",
                        Map.of("language", "rust")))
                .post("/graphql").then().statusCode(200).body(not(containsString("errors")));
        String state = null;
        for (int i = 0; i < 100 && !"DONE".equals(state); i++) {
            JsonPath progress = GraphQLRequests.post("historyBackfill").extract().jsonPath();
            state = progress.getString("data.historyBackfill.find { it.language == 'rust' }.state");
            sleep();
        }
        assertThat(state).isEqualTo("DONE");
        JsonPath progress = GraphQLRequests.post("historyBackfill").extract().jsonPath();
        assertThat(progress.getInt("data.historyBackfill[0].commitsDone")).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run WHERE trigger = 'BACKFILL'"
                + " AND outcome = 'SUCCEEDED'")).isEqualTo(1);
    }

    @Test
    void aFolderThatIsNoCloneSaysSoInTheProgressAndTheRuns() throws Throwable {
        rust(); // gizmo's folder stays a plain folder (inside this project's own repository, which is not its history)
        BackfillProgress progress = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language("gizmo"), null)
                .onFailure().recoverWithNull().replaceWith(() -> null).flatMap(ignored -> backfillProgress("gizmo")));
        assertThat(progress.state()).isEqualTo(BackfillProgress.State.FAILED);
        assertThat(progress.message()).contains("is not a git clone");
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run WHERE trigger = 'BACKFILL'"
                + " AND outcome = 'FAILED' AND requested_language = 'gizmo'")).isEqualTo(1);
    }

    private io.smallrye.mutiny.Uni<BackfillProgress> backfillProgress(String language) {
        return backfill.progress().map(all -> all.stream().filter(p -> p.language().equals(language)).findFirst()
                .orElse(null));
    }

    @Test
    void theCoverageChartIsAStaticPicture() throws Throwable {
        gizmoUpToTheMove();
        gizmoGoesGenerallyAvailable();
        rust();
        backfillAll();
        matrix();
        String svg = given().get("/api/charts/coverage.svg").then().statusCode(200)
                .contentType("image/svg+xml").extract().asString();
        assertThat(svg).contains("<title", "<desc", "<polyline", "Gizmo", "Rust", "2021")
                .doesNotContainIgnoringCase("<script").doesNotContainPattern(" on[a-z]+=");
        given().get("/api/charts/coverage.svg?interval=DECADE").then().statusCode(400);
    }

    private void backfillAll() throws Throwable {
        for (var language : family.languages()) {
            BackfillProgress done = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
            assertThat(done.state()).as(done.message()).isEqualTo(BackfillProgress.State.DONE);
        }
    }

    private dev.crossroads.source.FamilyConfig.LanguageSource language(String id) {
        return family.languages().stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }

    private static ParityCell cell(ParityState state, String language, String feature) {
        MatrixRow row = state.rowsById().get(feature);
        assertThat(row).as(feature + " in " + state.rowsById().keySet()).isNotNull();
        return row.cell(language).orElseThrow();
    }

    private ParityState matrix() throws Throwable {
        long version = Database.count(pool, "SELECT version FROM data_version");
        for (int i = 0; i < 300; i++) {
            ParityState state = VertxContextSupport.subscribeAndAwait(() -> parity.refresh());
            if (state.dataVersion() >= version) {
                return state;
            }
            sleep();
        }
        throw new AssertionError("the matrix did not reach data version " + version);
    }

    private static void sleep() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
