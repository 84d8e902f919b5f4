package dev.crossroads.sync;

import dev.crossroads.db.EmbeddedDatabase;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Duration;

/**
 * Runs a dead process left RUNNING, closed at start when no other replica can exist. The embedded database belongs
 * to this process alone (its data directory is locked to it), so a RUNNING run or a claim on the sync found at start
 * was left by a process that died mid-sync (SIGKILL, the OOM killer). Without this the start-up sync was skipped and
 * {@code triggerSync} refused, naming the dead process, until its lease ran out. An external database may be shared
 * with live replicas, so there the lease is left to expire ({@link SyncJob} retries then).
 */
@ApplicationScoped
class InterruptedRuns {

    static final String REASON = "interrupted: the service stopped without closing this run";
    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Pool pool;
    private final SyncLease lease;

    InterruptedRuns(Pool pool, SyncLease lease) {
        this.pool = pool;
        this.lease = lease;
    }

    /** Before the scheduler starts (it observes at PLATFORM_BEFORE), so the start-up sync finds the lease free. */
    void onStart(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 1) StartupEvent event) {
        if (EmbeddedDatabase.started().isEmpty()) {
            return;
        }
        try {
            closeAll().await().atMost(TIMEOUT);
        } catch (RuntimeException e) {
            Log.warnf("Could not close the sync runs of a previous process (its lease expires by itself): %s",
                    e.getMessage());
        }
    }

    /** Closes every RUNNING run but this replica's as FAILED and hands back a claim held by another replica. */
    Uni<Void> closeAll() {
        Tuple me = Tuple.of(lease.replica());
        return pool.withTransaction(sql -> sql.preparedQuery("UPDATE sync_run SET outcome = 'FAILED',"
                        + " finished_at = now() WHERE outcome = 'RUNNING' AND replica <> $1"
                        + " RETURNING id, trigger, replica, started_at").execute(me)
                .invoke(runs -> runs.forEach(InterruptedRuns::logClosed))
                .flatMap(ignored -> sql.preparedQuery("WITH old AS (SELECT holder FROM sync_lease WHERE id = 1"
                        + " FOR UPDATE) UPDATE sync_lease SET holder = NULL, expires_at = NULL FROM old"
                        + " WHERE sync_lease.id = 1 AND old.holder <> $1 RETURNING old.holder").execute(me))
                .invoke(released -> released.forEach(row -> Log.infof("Released the sync lease of %s, a process"
                        + " that stopped without handing it back", row.getString("holder")))))
                .replaceWithVoid();
    }

    private static void logClosed(Row run) {
        Log.infof("Sync run %d (%s, started %s by %s) closed as FAILED: %s", run.getLong("id"),
                run.getString("trigger"), run.getOffsetDateTime("started_at"), run.getString("replica"), REASON);
    }
}
