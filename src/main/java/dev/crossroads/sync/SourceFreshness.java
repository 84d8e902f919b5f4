package dev.crossroads.sync;

import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.SourceService;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * How old each source's data is: the time since it was last read successfully, by any replica (a new snapshot
 * stored, or the stored one confirmed by a 304 or the same content). A source whose reads keep failing ages while
 * its last good data is still served; that is what this gauge shows. Read from the database after this replica's
 * runs and every {@value #REFRESH_SECONDS} s (for the other replicas' runs), never while Prometheus scrapes.
 */
@ApplicationScoped
class SourceFreshness {

    private static final long REFRESH_SECONDS = 15;
    private static final String LAST_GOOD_READS = """
            SELECT s.language, s.source, latest.finished_at
            FROM unnest($1::text[], $2::text[]) AS s(language, source)
            CROSS JOIN LATERAL (SELECT r.finished_at FROM source_result r
                WHERE r.language = s.language AND r.source = s.source
                  AND r.status IN ('FETCHED', 'NOT_MODIFIED', 'UNCHANGED')
                ORDER BY r.finished_at DESC LIMIT 1) latest""";

    private final Pool pool;
    private final Vertx vertx;
    private final List<String[]> sources = new ArrayList<>();
    private final Map<String, Instant> lastGoodRead = new ConcurrentHashMap<>();
    private volatile long timer = -1;
    private final MeterRegistry registry;
    private final List<io.micrometer.core.instrument.Meter> gauges = new ArrayList<>();

    SourceFreshness(Pool pool, Vertx vertx, SourceService family, MeterRegistry registry) {
        this.pool = pool;
        this.vertx = vertx;
        this.registry = registry;
        for (LanguageSource language : family.languages()) {
            for (SourceKind kind : SourceKind.values()) {
                if (kind != SourceKind.BOARD || language.board().isPresent()) {
                    String key = language.id() + "/" + kind.name();
                    sources.add(new String[] {language.id(), kind.name()});
                    gauges.add(TimeGauge.builder("crossroads.source.snapshot.age", lastGoodRead, TimeUnit.SECONDS,
                                    reads -> ageSeconds(reads.get(key)))
                            .description("Time since the source was last read successfully by any replica (its"
                                    + " snapshot stored or confirmed); NaN before the first")
                            .tag("language", language.id()).tag("source", kind.name().toLowerCase(Locale.ROOT))
                            .register(registry));
                }
            }
        }
    }

    void start(@Observes StartupEvent event) {
        reload();
        timer = vertx.setPeriodic(TimeUnit.SECONDS.toMillis(REFRESH_SECONDS), id -> reload());
    }

    void stop(@Observes ShutdownEvent event) {
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        // a later application in the same JVM (tests restart Quarkus) would otherwise get these gauges back
        gauges.forEach(registry::remove);
    }

    void afterRun(@Observes SyncService.RunEnded event) {
        reload();
    }

    private void reload() {
        pool.preparedQuery(LAST_GOOD_READS).execute(Tuple.of(
                        sources.stream().map(s -> s[0]).toArray(String[]::new),
                        sources.stream().map(s -> s[1]).toArray(String[]::new)))
                .subscribe().with(rows -> {
                    Map<String, Instant> read = new java.util.HashMap<>();
                    for (Row row : rows) {
                        read.put(row.getString("language") + "/" + row.getString("source"),
                                row.getOffsetDateTime("finished_at").toInstant());
                    }
                    lastGoodRead.keySet().retainAll(read.keySet()); // history can be deleted
                    lastGoodRead.putAll(read);
                }, e -> Log.debugf("Source ages not refreshed: %s", e.getMessage()));
    }

    private static double ageSeconds(Instant at) {
        return at == null ? Double.NaN : Math.max(0, Duration.between(at, Instant.now()).toMillis() / 1000.0);
    }
}
