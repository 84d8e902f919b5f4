package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.testing.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** No GITHUB_TOKEN (the default test set-up): boards are skipped visibly, without touching the network. */
@QuarkusTest
class BoardWithoutTokenTests {

    @Inject
    SyncService sync;

    @Inject
    Pool pool;

    @Test
    void boardsAreSkippedWithAClearState() throws Throwable {
        Database.wipeSyncHistory(pool);

        SyncRun run = VertxContextSupport.subscribeAndAwait(() -> sync.run(new SyncRequest(SyncRun.Trigger.MANUAL,
                Optional.of("python"), Optional.of(SourceKind.BOARD))));

        assertThat(run.outcome).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(Database.count(pool, "SELECT count(*) FROM source_result WHERE source = 'BOARD' AND status = 'SKIPPED'"
                + " AND message = 'skipped: no token (set GITHUB_TOKEN to read boards)'")).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT count(*) FROM snapshot")).isZero();
    }
}
