package dev.crossroads.sync;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Syncs at start-up and then every {@code crossroads.sync.interval}; runs never overlap. A start-up sync that finds
 * another replica's claim on the sync is not dropped until the next interval: it says who holds the claim and runs
 * when the claim runs out (a live holder renews it while it syncs and hands it back at the end, so that is when its
 * sync is over; a dead one's simply expires).
 */
@ApplicationScoped
public class SyncJob {

    /** After the claim's expiry by this much, so that the database's clock agrees it has run out. */
    private static final Duration MARGIN = Duration.ofMillis(500);

    private final SyncService sync;
    private final SyncLease lease;
    private final Vertx vertx;
    private final AtomicBoolean first = new AtomicBoolean(true);

    public SyncJob(SyncService sync, SyncLease lease, Vertx vertx) {
        this.sync = sync;
        this.lease = lease;
        this.vertx = vertx;
    }

    @Scheduled(identity = "crossroads-sync", every = "${crossroads.sync.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SyncDisabled.class)
    Uni<Void> sync() {
        if (first.getAndSet(false)) {
            return startUp(true); // scheduled runs are skipped while it waits, so none overlaps it
        }
        return sync.run(SyncRequest.everything(SyncRun.Trigger.SCHEDULE))
                .onFailure(SyncBusyException.class).invoke(e -> Log.debugf("Scheduled sync skipped: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }

    private Uni<Void> startUp(boolean firstAttempt) {
        return sync.run(SyncRequest.everything(SyncRun.Trigger.STARTUP)).replaceWithVoid()
                .onFailure(SyncBusyException.class).recoverWithUni(e -> whenFree((SyncBusyException) e, firstAttempt))
                .onFailure().recoverWithNull();
    }

    private Uni<Void> whenFree(SyncBusyException busy, boolean firstAttempt) {
        if (busy.holder().filter(lease.replica()::equals).isPresent()) {
            Log.debugf("Start-up sync skipped: this replica is syncing already");
            return Uni.createFrom().voidItem();
        }
        // no expiry known: the claim ran out between the two reads, so try again at once
        Instant until = busy.until().orElse(Instant.now());
        if (firstAttempt) {
            Log.infof("Start-up sync waits: %s holds the sync lease until %s; it runs once the lease is free",
                    busy.holder().orElse("another replica"), until);
        } else {
            Log.debugf("Start-up sync waits again: %s renewed its sync lease, now until %s",
                    busy.holder().orElse("another replica"), until);
        }
        Duration wait = Duration.between(Instant.now(), until).plus(MARGIN);
        return after(wait.isNegative() ? MARGIN : wait).flatMap(ignored -> startUp(false));
    }

    /** Completes after {@code wait} on the caller's Vert.x context, where the sync was started. */
    private Uni<Void> after(Duration wait) {
        return Uni.createFrom().emitter(emitter -> vertx.setTimer(wait.toMillis(), id -> emitter.complete(null)));
    }
}
