package dev.crossroads.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.source.SourceService;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.HistoryBundles;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Conformance: the real docs history of the four runtimes (the bundles in ../shared), backfilled from clones. */
@QuarkusTest
@TestProfile(BundleBackfillTests.Bundles.class)
class BundleBackfillTests {

    public static class Bundles implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossroads.config-file", HistoryBundles.family().toString(),
                    "crossroads.parity.catalog", "config/features.yaml");
        }
    }

    @Inject
    BackfillService backfill;

    @Inject
    SourceService family;

    @Inject
    Pool pool;

    @Test
    void everyRuntimeIsBackfilledAndASecondBackfillReadsNothing() throws Throwable {
        Database.wipeSyncHistory(pool);
        Database.execute(pool, "TRUNCATE history_backfill, release_tag");
        long started = System.nanoTime();
        for (var language : family.languages()) {
            BackfillProgress done = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
            System.out.println(done);
        }
        System.out.printf("backfill took %d ms%n", (System.nanoTime() - started) / 1_000_000);
        assertThat(Database.count(pool, "SELECT count(*) FROM snapshot WHERE commit_id IS NOT NULL")).isPositive();
    }
}
