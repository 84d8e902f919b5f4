package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.testing.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/** The real Powertools docs trees of ../shared/corpus/trees, read from disk (runs when that folder exists). */
@QuarkusTest
@TestProfile(CorpusTreesSyncTests.CorpusTrees.class)
@EnabledIf("corpusPresent")
class CorpusTreesSyncTests {

    public static class CorpusTrees implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossroads.config-file", "config/examples/powertools-corpus.yaml");
        }
    }

    static boolean corpusPresent() {
        return Files.isDirectory(Path.of("../shared/corpus/trees"));
    }

    @Inject
    SyncService sync;

    @Inject
    Pool pool;

    @Test
    void theRealTreesFillTheDatabase() throws Throwable {
        Database.wipeSyncHistory(pool);

        SyncRun run = VertxContextSupport.subscribeAndAwait(() -> sync.run(SyncRequest.everything(SyncRun.Trigger.MANUAL)));

        assertThat(run.outcome).isEqualTo(SyncRun.Outcome.PARTIAL);
        assertThat(Database.count(pool, "SELECT count(*) FROM source_result WHERE status = 'FAILED'"
                + " AND language = 'java' AND source = 'ROADMAP' AND message LIKE 'docs/roadmap.md not found%'"))
                .isEqualTo(1);
        assertThat(Database.count(pool, "SELECT count(*) FROM tracked_item WHERE language = 'python' AND source = 'DOCS'"))
                .isEqualTo(17);
        assertThat(Database.count(pool, "SELECT count(*) FROM tracked_item WHERE language = 'java' AND source = 'DOCS'"))
                .isEqualTo(10);
        assertThat(Database.count(pool, "SELECT count(*) FROM tracked_item WHERE language = 'python' AND source = 'ROADMAP'"))
                .isEqualTo(6);
        assertThat(Database.count(pool, "SELECT count(*) FROM snapshot")).isEqualTo(7);
    }
}
