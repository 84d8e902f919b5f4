package dev.crossroads.sync;

import dev.crossroads.config.CrossroadsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.UUID;

/**
 * Makes sure that of all replicas sharing the database exactly one syncs at a time. A lease row rather than a
 * session advisory lock: it survives connection pooling, and a replica that dies mid-sync loses its claim when the
 * lease expires instead of blocking the others forever.
 */
@ApplicationScoped
public class SyncLease {

    private final Pool pool;
    private final long leaseSeconds;
    private final String replica;

    public SyncLease(Pool pool, CrossroadsConfig config) {
        this.pool = pool;
        this.leaseSeconds = config.sync().lease().toSeconds();
        this.replica = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String replica() {
        return replica;
    }

    /** Claims the sync for this replica; false when another replica holds a live claim. */
    public Uni<Boolean> tryAcquire() {
        return pool.preparedQuery("UPDATE sync_lease SET holder = $1, expires_at = now() + make_interval(secs => $2)"
                + " WHERE id = 1 AND (holder IS NULL OR holder = $1 OR expires_at < now()) RETURNING holder")
                .execute(Tuple.of(replica, (double) leaseSeconds))
                .map(rows -> rows.rowCount() == 1);
    }

    /** Who holds the claim now, or null. */
    public Uni<String> holder() {
        return pool.query("SELECT holder FROM sync_lease WHERE id = 1 AND expires_at > now()").execute()
                .map(rows -> rows.iterator().hasNext() ? rows.iterator().next().getString("holder") : null);
    }

    /**
     * Runs left RUNNING by a replica that lost its database or died are closed as FAILED: ours from before (we hold
     * the lease now, so none of ours is live), anyone's older than a lease.
     */
    public Uni<Void> closeAbandonedRuns() {
        return pool.preparedQuery("UPDATE sync_run SET outcome = 'FAILED', finished_at = now() WHERE outcome = 'RUNNING'"
                + " AND (replica = $1 OR started_at < now() - make_interval(secs => $2))")
                .execute(Tuple.of(replica, (double) leaseSeconds)).replaceWithVoid();
    }

    public Uni<Void> release() {
        return pool.preparedQuery("UPDATE sync_lease SET holder = NULL, expires_at = NULL WHERE id = 1 AND holder = $1")
                .execute(Tuple.of(replica)).replaceWithVoid();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (Exception e) {
            return "replica";
        }
    }
}
