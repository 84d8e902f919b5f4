package dev.crossroads.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubWireMockResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The periodic check for another replica's changes (every {@code crossroads.parity.refresh-interval}, 1 s) leaves the
 * matrix alone while a sync holds the lease: a run moves the data version once per source it stores, and a matrix
 * of half a run is work thrown away. Once the lease is handed back, or has expired, the check rebuilds.
 */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MatrixRefreshTests {

    /** Two checks and then some: a check that was going to rebuild has done so by then. */
    private static final Duration SEVERAL_CHECKS = Duration.ofMillis(2_500);
    private static final Duration PATIENCE = Duration.ofSeconds(15);

    @Inject
    Pool pool;

    @Inject
    ParityService parity;

    @BeforeEach
    void matrixUpToDate() {
        releaseLease();
        parity.upToDate(PATIENCE).await().atMost(PATIENCE);
    }

    @AfterEach
    void releaseLease() {
        Database.execute(pool, "UPDATE sync_lease SET holder = NULL, expires_at = NULL");
    }

    @Test
    void aVersionMovedMidSyncIsBuiltOnlyOnceTheLeaseIsHandedBack() throws InterruptedException {
        Database.execute(pool, "UPDATE sync_lease SET holder = 'replica-b', expires_at = now() + interval '1 minute'");
        long moved = bumpVersion();

        Thread.sleep(SEVERAL_CHECKS.toMillis());
        assertThat(parity.state().dataVersion()).as("the matrix while another replica's sync writes")
                .isLessThan(moved);

        releaseLease();
        assertThat(awaitMatrixAt(moved)).as("the matrix once the lease is handed back").isEqualTo(moved);
    }

    @Test
    void anExpiredLeaseDoesNotHoldTheMatrixBack() {
        // a replica that died mid-run: its claim runs out, and what it stored is built without waiting for a sync
        Database.execute(pool, "UPDATE sync_lease SET holder = 'dead-replica', expires_at = now() - interval '1 second'");
        long moved = bumpVersion();

        assertThat(awaitMatrixAt(moved)).isEqualTo(moved);
    }

    private long bumpVersion() {
        Database.execute(pool, "UPDATE data_version SET version = version + 1, changed_at = now()");
        return Database.count(pool, "SELECT version FROM data_version");
    }

    /** The matrix's version once it reached {@code version}, or as it stands when patience ran out. */
    private long awaitMatrixAt(long version) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (parity.state().dataVersion() < version && System.nanoTime() < deadline) {
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return parity.state().dataVersion();
    }
}
