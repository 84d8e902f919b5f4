package dev.crossroads.sync;

import io.quarkus.logging.Log;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.atomic.AtomicBoolean;

/** Syncs at start-up and then every {@code crossroads.sync.interval}; runs never overlap. */
@ApplicationScoped
public class SyncJob {

    private final SyncService sync;
    private final AtomicBoolean first = new AtomicBoolean(true);

    public SyncJob(SyncService sync) {
        this.sync = sync;
    }

    @Scheduled(identity = "crossroads-sync", every = "${crossroads.sync.interval}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = SyncDisabled.class)
    Uni<Void> sync() {
        SyncRun.Trigger trigger = first.getAndSet(false) ? SyncRun.Trigger.STARTUP : SyncRun.Trigger.SCHEDULE;
        return sync.run(SyncRequest.everything(trigger))
                .onFailure(SyncBusyException.class).invoke(e -> Log.debugf("Scheduled sync skipped: %s", e.getMessage()))
                .onFailure().recoverWithNull()
                .replaceWithVoid();
    }
}
