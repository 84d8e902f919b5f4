package dev.crossroads.parity;

import dev.crossroads.parity.ParityService.MatrixChanged;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StoredItem;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.SourceService;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The matrix this replica serves, for Prometheus: its data version (equal on every replica once they agree), its
 * features, the items each source has, and how long rebuilding it took. Counted once per rebuild, not per scrape.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // its series exist from the start, at NaN or zero
class ParityMetrics {

    private final ParityService parity;
    private final Timer rebuilds;
    private final Map<String, Integer> items = new ConcurrentHashMap<>();
    private final MeterRegistry registry;
    private final java.util.List<io.micrometer.core.instrument.Meter> gauges = new java.util.ArrayList<>();

    ParityMetrics(ParityService parity, SourceService family, MeterRegistry registry) {
        this.parity = parity;
        this.registry = registry;
        this.rebuilds = Timer.builder("crossroads.matrix.rebuild")
                .description("Rebuilding the parity matrix for a new data version (load, align, compute)")
                .register(registry);
        gauges.add(Gauge.builder("crossroads.matrix.data.version", parity, p -> p.state().dataVersion())
                .description("The data version the served matrix shows").register(registry));
        gauges.add(Gauge.builder("crossroads.matrix.features", parity, p -> p.state().matrix().rows().size())
                .description("Features (rows) in the served matrix").register(registry));
        for (LanguageSource language : family.languages()) {
            for (SourceKind kind : SourceKind.values()) {
                if (kind != SourceKind.BOARD || language.board().isPresent()) {
                    String key = key(language.id(), kind);
                    gauges.add(Gauge.builder("crossroads.source.items", items, counts -> counts.getOrDefault(key, 0))
                            .description("Items a source has now (roadmap items, docs features, board cards)")
                            .tag("language", language.id()).tag("source", kind.name().toLowerCase(Locale.ROOT))
                            .register(registry));
                }
            }
        }
    }

    /** A later application in the same JVM (tests restart Quarkus) would otherwise get these gauges back. */
    @jakarta.annotation.PreDestroy
    void unregister() {
        gauges.forEach(registry::remove);
    }

    void onMatrixChanged(@Observes MatrixChanged event) {
        rebuilds.record(event.took());
        Map<String, Integer> counts = new java.util.HashMap<>();
        for (StoredItem item : parity.state().items()) {
            counts.merge(key(item.language(), item.source()), 1, Integer::sum);
        }
        items.keySet().retainAll(counts.keySet());
        items.putAll(counts);
    }

    private static String key(String language, SourceKind source) {
        return language + "/" + source.name();
    }
}
