package dev.crossroads.sync;

import dev.crossroads.config.CrossroadsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowIterator;
import io.vertx.mutiny.sqlclient.Tuple;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Makes sure that of all replicas sharing the database exactly one syncs at a time. A lease row rather than a
 * session advisory lock: it survives connection pooling, and a replica that dies mid-sync loses its claim when the
 * lease expires instead of blocking the others forever. The holder renews the lease while it syncs, so the lease can
 * be short however long a sync takes; a replica that stops cleanly hands it back at once.
 */
@ApplicationScoped
public class SyncLease {

    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(5);
    private static final Duration MIN_RENEWAL = Duration.ofMillis(100);

    private final Pool pool;
    private final double leaseSeconds;
    private final Duration lease;
    private final String replica;
    /** Whether this replica holds the claim as far as it knows: writes of a run stop as soon as it does not. */
    private final AtomicBoolean held = new AtomicBoolean();

    public SyncLease(Pool pool, CrossroadsConfig config) {
        this.pool = pool;
        this.lease = config.sync().lease();
        this.leaseSeconds = lease.toMillis() / 1000.0;
        this.replica = hostName() + "/" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String replica() {
        return replica;
    }

    /** Claims the sync for this replica; false when another replica holds a live claim. */
    public Uni<Boolean> tryAcquire() {
        return pool.preparedQuery("UPDATE sync_lease SET holder = $1, expires_at = now() + make_interval(secs => $2)"
                + " WHERE id = 1 AND (holder IS NULL OR holder = $1 OR expires_at < now()) RETURNING holder")
                .execute(Tuple.of(replica, leaseSeconds))
                .map(rows -> rows.rowCount() == 1)
                .invoke(held::set);
    }

    /** True from a successful claim until it is released, lost to expiry, or given up on stop. */
    public boolean held() {
        return held.get();
    }

    /** How often a holder renews its claim: three times per lease, so one late renewal never loses it. */
    public Duration renewEvery() {
        Duration third = lease.dividedBy(3);
        return third.compareTo(MIN_RENEWAL) < 0 ? MIN_RENEWAL : third;
    }

    /** Extends this replica's claim by a lease from now; false when it no longer holds it. */
    public Uni<Boolean> renew() {
        return pool.preparedQuery("UPDATE sync_lease SET expires_at = now() + make_interval(secs => $2)"
                        + " WHERE id = 1 AND holder = $1")
                .execute(Tuple.of(replica, leaseSeconds))
                .map(rows -> rows.rowCount() == 1)
                .invoke(still -> held.compareAndSet(true, still));
    }

    /** A live claim: which replica holds it, and when it runs out unless renewed. */
    public record Holder(String replica, Instant until) {
    }

    /** Who holds the claim now, or null. */
    public Uni<Holder> holder() {
        return pool.query("SELECT holder, expires_at FROM sync_lease WHERE id = 1 AND expires_at > now()").execute()
                .map(rows -> {
                    RowIterator<Row> found = rows.iterator();
                    if (!found.hasNext()) {
                        return null;
                    }
                    Row row = found.next();
                    return new Holder(row.getString("holder"), row.getOffsetDateTime("expires_at").toInstant());
                });
    }

    /**
     * Runs left RUNNING by a replica that lost its database or died are closed as FAILED: ours from before (we hold
     * the lease now, so none of ours is live), anyone's older than a lease.
     */
    public Uni<Void> closeAbandonedRuns() {
        return pool.preparedQuery("UPDATE sync_run SET outcome = 'FAILED', finished_at = now() WHERE outcome = 'RUNNING'"
                + " AND (replica = $1 OR started_at < now() - make_interval(secs => $2))")
                .execute(Tuple.of(replica, leaseSeconds)).replaceWithVoid();
    }

    /**
     * On a clean stop (a rolling update, a scale-down): a run of ours still going is closed as FAILED and the lease is
     * handed back, so another replica can sync now instead of after the lease runs out.
     */
    void onStop(@Observes ShutdownEvent event) {
        held.set(false); // a run still going writes nothing more from here on
        try {
            pool.preparedQuery("UPDATE sync_run SET outcome = 'FAILED', finished_at = now()"
                            + " WHERE outcome = 'RUNNING' AND replica = $1")
                    .execute(Tuple.of(replica))
                    .flatMap(ignored -> release())
                    .await().atMost(STOP_TIMEOUT);
        } catch (RuntimeException e) {
            Log.warnf("Could not hand back the sync lease on stop (it expires by itself): %s", e.getMessage());
        }
    }

    public Uni<Void> release() {
        return release(pool);
    }

    /** {@link #release()} through {@code client} (a connection, to run it beside other statements). */
    Uni<Void> release(SqlClient client) {
        held.set(false);
        return client.preparedQuery("UPDATE sync_lease SET holder = NULL, expires_at = NULL WHERE id = 1 AND holder = $1")
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
