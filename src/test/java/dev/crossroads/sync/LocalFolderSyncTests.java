package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.testing.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The offline example: every source read from local folders, no network at all. */
@QuarkusTest
@TestProfile(LocalFolderSyncTests.GizmoFamily.class)
class LocalFolderSyncTests {

    public static class GizmoFamily implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("crossroads.config-file", "config/examples/gizmo.yaml");
        }
    }

    @Inject
    SyncService sync;

    @Inject
    Pool pool;

    @Test
    void theExampleFamilySyncsFromDiskAndASecondSyncWritesNothingNew() throws Throwable {
        Database.wipeSyncHistory(pool);

        SyncRun first = VertxContextSupport.subscribeAndAwait(() -> sync.run(SyncRequest.everything(SyncRun.Trigger.MANUAL)));

        assertThat(first.outcome).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(Database.count(pool, "SELECT count(*) FROM snapshot")).isEqualTo(6);
        assertThat(Database.count(pool, "SELECT count(*) FROM tracked_item WHERE language = 'go' AND source = 'DOCS'"))
                .isEqualTo(8);
        assertThat(Database.count(pool, "SELECT count(*) FROM tracked_item WHERE language = 'python'"
                + " AND item_key = 'docs/utilities/feature_flags.md' AND status_raw = 'BETA' AND status = 'PREVIEW'"))
                .isEqualTo(1);
        long rows = Database.count(pool, "SELECT (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM snapshot_item)"
                + " + (SELECT count(*) FROM change_event) + (SELECT count(*) FROM tracked_item)"
                + " + (SELECT count(*) FROM http_cache)");

        SyncRun second = VertxContextSupport.subscribeAndAwait(() -> sync.run(SyncRequest.everything(SyncRun.Trigger.MANUAL)));

        assertThat(second.outcome).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(Database.count(pool, "SELECT count(*) FROM source_result WHERE run_id = " + second.id
                + " AND status = 'UNCHANGED'")).isEqualTo(6);
        assertThat(Database.count(pool, "SELECT (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM snapshot_item)"
                + " + (SELECT count(*) FROM change_event) + (SELECT count(*) FROM tracked_item)"
                + " + (SELECT count(*) FROM http_cache)")).isEqualTo(rows);
    }
}
