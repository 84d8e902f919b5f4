package dev.crossroads.sync;

import dev.crossroads.config.CrossroadsConfig;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.inject.Singleton;

/** Skips scheduled syncs when {@code crossroads.sync.enabled} is false (tests, read-only replicas). */
@Singleton
public class SyncDisabled implements Scheduled.SkipPredicate {

    private final boolean enabled;

    public SyncDisabled(CrossroadsConfig config) {
        this.enabled = config.sync().enabled();
    }

    @Override
    public boolean test(ScheduledExecution execution) {
        return !enabled;
    }
}
