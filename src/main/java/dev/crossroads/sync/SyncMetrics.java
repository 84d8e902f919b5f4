package dev.crossroads.sync;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * What this replica's syncs did, for Prometheus: each source's read (duration and outcome), each run, and the
 * GitHub API budget the last answers reported. Recorded as results come in, never read back from the database.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // its series exist from the start, at NaN or zero
class SyncMetrics {

    private final MeterRegistry registry;
    /** GraphQL points left, as the last board page said. */
    private final AtomicReference<Double> graphqlRemaining = new AtomicReference<>(Double.NaN);
    /** {@code X-RateLimit-Remaining} of the last file answer that carried one (the raw host sends none). */
    private final AtomicReference<Double> restRemaining = new AtomicReference<>(Double.NaN);

    private final java.util.List<io.micrometer.core.instrument.Meter> gauges = new java.util.ArrayList<>();

    SyncMetrics(MeterRegistry registry) {
        this.registry = registry;
        gauges.add(Gauge.builder("crossroads.github.rate.limit.remaining", graphqlRemaining, AtomicReference::get)
                .description("Requests or points GitHub says are left, as of the last answer that said so")
                .tag("api", "graphql").register(registry));
        gauges.add(Gauge.builder("crossroads.github.rate.limit.remaining", restRemaining, AtomicReference::get)
                .description("Requests or points GitHub says are left, as of the last answer that said so")
                .tag("api", "rest").register(registry));
    }

    /**
     * A gauge reads this bean's state; a later application in the same JVM (tests restart Quarkus) registering the
     * same gauge would otherwise get this one back, reading nothing.
     */
    @jakarta.annotation.PreDestroy
    void unregister() {
        gauges.forEach(registry::remove);
    }

    /** One source read and recorded (or not) in a run. */
    void source(SourceResult result) {
        Timer.builder("crossroads.sync.source")
                .description("Reading one source in a sync, by language, source and outcome")
                .tag("language", result.language)
                .tag("source", result.source.name().toLowerCase(Locale.ROOT))
                .tag("outcome", result.status.name().toLowerCase(Locale.ROOT))
                .register(registry).record(result.durationMs, TimeUnit.MILLISECONDS);
        if (result.rateLimitRemaining != null) {
            (result.source == dev.crossroads.snapshot.SourceKind.BOARD ? graphqlRemaining : restRemaining)
                    .set(result.rateLimitRemaining.doubleValue());
        }
    }

    /** A run closed. */
    void run(SyncRun run, SyncRun.Outcome outcome) {
        Duration took = Duration.between(run.startedAt, Instant.now());
        Timer.builder("crossroads.sync.runs")
                .description("Sync runs of this replica, by trigger and outcome")
                .tag("trigger", run.trigger.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome.name().toLowerCase(Locale.ROOT))
                .register(registry).record(took.isNegative() ? Duration.ZERO : took);
    }
}
