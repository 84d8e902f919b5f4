package dev.crossroads.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.ParityCell;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityState;
import dev.crossroads.source.SourceService;
import dev.crossroads.sync.SyncRequest;
import dev.crossroads.sync.SyncRun;
import dev.crossroads.sync.SyncService;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.HistoryBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Conformance: the real docs history of the four runtimes (the bundles in ../shared/corpus/history), cloned with
 * JGit and backfilled, against a table of first appearances checked by hand with git.
 *
 * <p>Each row was found in a clone of the bundle ({@code git clone python.bundle python}) with: the first commit of
 * {@code git rev-list --first-parent --reverse <branch>} whose {@code git show <commit>:mkdocs.yml} names the page
 * (the nav entry is what makes a documented feature), its {@code git show -s --format=%cI <commit>}, and the release
 * {@code git tag --contains <commit> --sort=creatordate | head -1}.
 */
@QuarkusTest
@TestProfile(BundleBackfillTests.Bundles.class)
class BundleBackfillTests {

    public static class Bundles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossroads.config-file", HistoryBundles.family().toString());
        }
    }

    /** feature id, language, page the nav first names, commit date, first release containing that commit. */
    record FirstAppearance(String feature, String language, String page, String date, String release) {
    }

    static final List<FirstAppearance> TABLE = List.of(
            new FirstAppearance("idempotency", "python", "utilities/idempotency.md", "2021-02-19T17:24:34+01:00",
                    "v1.11.0"),
            new FirstAppearance("streaming", "python", "utilities/streaming.md", "2022-11-24T10:21:42+01:00",
                    "v2.4.0"),
            new FirstAppearance("feature-flags", "python", "utilities/feature_flags.md", "2021-08-04T23:06:53+02:00",
                    "v1.19.0"),
            new FirstAppearance("logger", "python", "core/logger.md", "2021-02-12T14:34:56+01:00", "v1.10.3"),
            new FirstAppearance("idempotency", "typescript", "utilities/idempotency.md", "2023-07-11T08:57:43+02:00",
                    "v1.11.1"),
            new FirstAppearance("batch", "typescript", "utilities/batch.md", "2023-07-25T12:14:51+02:00", "v1.12.0"),
            new FirstAppearance("parameters", "typescript", "utilities/parameters.md", "2023-03-20T14:42:35+01:00",
                    "v1.7.0"),
            new FirstAppearance("logger", "typescript", "core/logger.md", "2021-12-06T10:04:20+01:00", "v0.2.0"),
            new FirstAppearance("idempotency", "java", "utilities/idempotency.md", "2022-02-16T18:04:12+01:00",
                    "v1.11.0"),
            new FirstAppearance("large-messages", "java", "utilities/large_messages.md", "2023-08-02T11:53:24+02:00",
                    "v1.17.0"),
            new FirstAppearance("logger", "java", "core/logging.md", "2021-03-05T07:41:01+01:00", "v1.3.0"),
            new FirstAppearance("idempotency", "dotnet", "utilities/idempotency.md", "2023-06-20T16:45:21+01:00",
                    "1.4.1"),
            new FirstAppearance("batch", "dotnet", "utilities/batch-processing.md", "2023-07-02T10:05:23+02:00",
                    "1.8.0"),
            new FirstAppearance("parameters", "dotnet", "utilities/parameters.md", "2022-10-16T14:10:33+01:00",
                    "1.3.0"),
            // documented as core/logger.md from .NET's first mkdocs nav; the page moved to core/logging.md in 43f8f0a
            // (2021-12-14, `git show 43f8f0a -- mkdocs.yml`): the same feature, not a new one
            new FirstAppearance("logger", "dotnet", "core/logger.md", "2021-08-21T15:34:55+08:00", "v1.0.0"));

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

    @Test
    void theDocsHistoryGivesEachFeatureItsFirstDateAndReleaseAndASecondBackfillReadsNothing() throws Throwable {
        Database.wipeSyncHistory(pool);
        Database.execute(pool, "TRUNCATE history_backfill, release_tag");
        for (var language : family.languages()) {
            BackfillProgress done = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
            assertThat(done.state()).as(done.message()).isEqualTo(BackfillProgress.State.DONE);
            assertThat(done.commitsDone()).isPositive();
        }
        ParityState state = matrix();

        for (FirstAppearance row : TABLE) {
            ParityCell cell = state.rowsById().get(row.feature()).cell(row.language()).orElseThrow();
            assertThat(cell.status().isShipped()).as(row.toString()).isTrue();
            assertThat(cell.availableSince()).as(row.toString()).isEqualTo(OffsetDateTime.parse(row.date())
                    .toInstant());
            assertThat(cell.versionAdded()).as(row.toString()).isEqualTo(row.release());
        }
        // Python's Idempotency page was marked beta the day after it appeared and lost the marker in 5d2465a:
        // for c in $(git rev-list --first-parent --reverse develop -- docs/utilities/idempotency.md); do
        //   git show $c:docs/utilities/idempotency.md | head -12 | grep -qi beta && echo "$c beta" || echo "$c ga"; done
        // then git show -s --format=%cI 5d2465a; git tag --contains 5d2465a --sort=creatordate | head -1
        ParityCell idempotency = state.rowsById().get("idempotency").cell("python").orElseThrow();
        assertThat(idempotency.generallyAvailableSince()).isEqualTo(OffsetDateTime.parse("2021-05-06T08:33:27+02:00")
                .toInstant());
        assertThat(idempotency.generallyAvailableIn()).isEqualTo("v1.15.0");

        // Logger is documented everywhere since TypeScript's first mkdocs nav, the last of the four (table above)
        MatrixRow logger = state.rowsById().get("logger");
        assertThat(logger.universalSince()).isEqualTo(Instant.parse("2021-12-06T09:04:20Z"));
        assertThat(logger.universalCompletedBy()).isEqualTo("typescript");
        // the move of .NET's logger page is one RENAMED event, not a removal and an addition
        assertThat(Database.count(pool, "SELECT count(*) FROM change_event WHERE language = 'dotnet' AND kind ="
                + " 'RENAMED' AND old_value = 'docs/core/logger.md' AND new_value = 'docs/core/logging.md'"))
                .isEqualTo(1);
        assertThat(Database.count(pool, "SELECT count(*) FROM change_event WHERE language = 'dotnet' AND kind ="
                + " 'ADDED' AND item_key = 'docs/core/logging.md'")).isZero();

        long rows = everything();
        for (var language : family.languages()) {
            BackfillProgress again = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
            assertThat(again.commitsTotal()).as(language.id()).isZero();
        }
        assertThat(everything()).isEqualTo(rows);

        // the sync carries on from the newest stored commit: the clones' files are what the backfill stored last
        SyncRun run = VertxContextSupport.subscribeAndAwait(() -> sync.run(SyncRequest.everything(
                SyncRun.Trigger.MANUAL)));
        assertThat(Database.count(pool, "SELECT count(*) FROM source_result WHERE run_id = " + run.id
                + " AND source = 'DOCS' AND status = 'UNCHANGED'")).isEqualTo(4);
        assertThat(Database.count(pool, "SELECT count(*) FROM snapshot WHERE commit_id IS NULL")).isZero();
    }

    private long everything() {
        return Database.count(pool, "SELECT (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM snapshot_item)"
                + " + (SELECT count(*) FROM change_event) + (SELECT count(*) FROM tracked_item)"
                + " + (SELECT count(*) FROM release_tag)");
    }

    private ParityState matrix() throws Throwable {
        long version = Database.count(pool, "SELECT version FROM data_version");
        for (int i = 0; i < 300; i++) {
            ParityState state = VertxContextSupport.subscribeAndAwait(() -> parity.refresh());
            if (state.dataVersion() >= version) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the matrix did not reach data version " + version);
    }
}
