package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The start-up sync on a database shared with other replicas (the tests' database is external to the service): when
 * another replica holds the sync lease it is not dropped until the next interval, it runs once the lease is free.
 */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class StartUpSyncTests {

    @InjectWireMock
    WireMockServer github;

    @Inject
    SyncJob job;

    @Inject
    SyncLease lease;

    @Inject
    Pool pool;

    @BeforeEach
    void freshGitHubAndDatabase() {
        GitHubTrees.resetAll(github, pool);
    }

    @Test
    void aStartUpSyncThatFindsTheLeaseHeldRunsWhenTheLeaseRunsOut() throws Throwable {
        // a replica that died mid-sync: its claim is never renewed nor handed back
        Database.execute(pool, "UPDATE sync_lease SET holder = 'dead-replica',"
                + " expires_at = now() + interval '2 seconds' WHERE id = 1");
        long started = System.nanoTime();

        // the job's first run is its start-up sync (the scheduler is off in tests, nothing else calls it)
        VertxContextSupport.subscribeAndAwait(() -> job.sync());

        assertThat(Duration.ofNanos(System.nanoTime() - started)).as("waited for the lease")
                .isBetween(Duration.ofMillis(1500), Duration.ofSeconds(30));
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run WHERE trigger = 'STARTUP'"
                + " AND outcome <> 'RUNNING' AND replica = '" + lease.replica() + "'")).isEqualTo(1);
    }
}
