package dev.crossroads.history;

import dev.crossroads.roadmap.DocsFeatureParser;
import dev.crossroads.roadmap.RoadmapParser;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.SourceService;
import dev.crossroads.testing.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;

/**
 * History backfill from local clones of the four bundles, for docs/benchmarks.md; not part of the test suite (no
 * *Tests suffix). Side by side: the walk alone (JGit reads and the sync's parse, nothing stored) and the whole
 * backfill (walk, store, replay, releases). Run with src/test/bench/history-backfill.sh.
 */
@QuarkusTest
@TestProfile(BundleBackfillTests.Bundles.class)
class HistoryBackfillBenchmark {

    @Inject
    BackfillService backfill;

    @Inject
    SourceService family;

    @Inject
    Pool pool;

    @Test
    void measure() throws Throwable {
        for (int round = 1; round <= 3; round++) {
            long walkOnly = 0;
            int commits = 0;
            int snapshots = 0;
            for (var language : family.languages()) {
                long started = System.nanoTime();
                try (LocalGitHistory git = LocalGitHistory.open(language.localPath().orElseThrow(),
                        language.branch()).orElseThrow()) {
                    HistoryWalk walk = new HistoryWalk(language, git, new RoadmapParser(Duration.ofSeconds(2)),
                            new DocsFeatureParser(5_242_880, Duration.ofSeconds(2), 512));
                    for (HistoricCommit commit : git.commits(null, null)) {
                        commits++;
                        snapshots += walk.read(commit, EnumSet.of(SourceKind.ROADMAP, SourceKind.DOCS)).size();
                    }
                }
                walkOnly += System.nanoTime() - started;
            }
            Database.wipeSyncHistory(pool);
            Database.execute(pool, "TRUNCATE history_backfill, release_tag");
            long started = System.nanoTime();
            for (var language : family.languages()) {
                VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
            }
            long whole = System.nanoTime() - started;
            long again = System.nanoTime();
            for (var language : family.languages()) {
                VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
            }
            long second = System.nanoTime() - again;
            System.out.printf("BENCH local round %d: %d commits, %d snapshots; walk+parse only %d ms; whole backfill"
                    + " %d ms; second backfill %d ms; stored rows %d%n", round, commits, snapshots,
                    walkOnly / 1_000_000, whole / 1_000_000, second / 1_000_000,
                    Database.count(pool, "SELECT (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM"
                            + " snapshot_item) + (SELECT count(*) FROM change_event) + (SELECT count(*) FROM"
                            + " tracked_item)"));
        }
        System.out.printf("BENCH local storage: snapshot table %d kB (content %d kB), snapshot_item %d kB,"
                + " change_event %d kB%n",
                Database.count(pool, "SELECT pg_total_relation_size('snapshot')") / 1024,
                Database.count(pool, "SELECT coalesce(sum(octet_length(content)), 0) FROM snapshot") / 1024,
                Database.count(pool, "SELECT pg_total_relation_size('snapshot_item')") / 1024,
                Database.count(pool, "SELECT pg_total_relation_size('change_event')") / 1024);
    }
}
