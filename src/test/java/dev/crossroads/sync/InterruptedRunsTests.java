package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.testing.Database;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What a start on the embedded database does about the runs and the lease of a process that died mid-sync. */
@QuarkusTest
class InterruptedRunsTests {

    @Inject
    InterruptedRuns interrupted;

    @Inject
    SyncLease lease;

    @Inject
    Pool pool;

    @BeforeEach
    void noHistory() {
        Database.wipeSyncHistory(pool);
    }

    @Test
    void theDeadProcessRunIsFailedAndItsLeaseReleasedWhileThisReplicaRunIsLeftAlone() {
        Database.execute(pool, "INSERT INTO sync_run (trigger, replica, started_at, outcome) VALUES"
                + " ('STARTUP', 'dead-host/0000', now() - interval '5 seconds', 'RUNNING'),"
                + " ('MANUAL', '" + lease.replica() + "', now(), 'RUNNING')");
        Database.execute(pool, "UPDATE sync_lease SET holder = 'dead-host/0000',"
                + " expires_at = now() + interval '2 minutes' WHERE id = 1");

        interrupted.closeAll().await().atMost(Duration.ofSeconds(10));

        assertThat(Database.text(pool, "SELECT outcome || ' ' || (finished_at IS NOT NULL) FROM sync_run"
                + " WHERE replica = 'dead-host/0000'")).isEqualTo("FAILED true");
        assertThat(Database.text(pool, "SELECT outcome FROM sync_run WHERE replica = '" + lease.replica() + "'"))
                .isEqualTo("RUNNING");
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_lease WHERE holder IS NOT NULL")).isZero();
    }

    @Test
    void aLeaseThisReplicaHoldsIsKept() {
        assertThat(lease.tryAcquire().await().atMost(Duration.ofSeconds(10))).isTrue();

        interrupted.closeAll().await().atMost(Duration.ofSeconds(10));

        assertThat(Database.text(pool, "SELECT holder FROM sync_lease WHERE id = 1")).isEqualTo(lease.replica());
        lease.release().await().atMost(Duration.ofSeconds(10));
    }
}
