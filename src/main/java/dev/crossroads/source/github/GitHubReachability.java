package dev.crossroads.source.github;

import dev.crossroads.config.CrossroadsConfig;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Whether GitHub's hosts answered the last request sent to them ({@code crossroads_github_reachable{host="raw"}} is
 * 1 or 0, NaN before the first): any HTTP answer counts, even an error status; no connection, a reset or a timeout
 * does not. A metric, not a readiness check: a GitHub outage must not take the API out of rotation, since it keeps
 * serving what was synced. Known from the syncs' own requests, not from probes, so it is as fresh as the last sync.
 */
@ApplicationScoped
@io.quarkus.runtime.Startup // its series exist from the start, at NaN or zero
class GitHubReachability {

    private final String rawHost;
    private final String apiHost;
    private final AtomicReference<Double> raw = new AtomicReference<>(Double.NaN);
    private final AtomicReference<Double> api = new AtomicReference<>(Double.NaN);
    private final MeterRegistry registry;
    private final java.util.List<io.micrometer.core.instrument.Meter> gauges = new java.util.ArrayList<>();

    GitHubReachability(CrossroadsConfig config, MeterRegistry registry) {
        this.rawHost = hostOf(config.github().rawUrl());
        this.apiHost = hostOf(config.github().apiUrl());
        this.registry = registry;
        register("raw", raw);
        register("api", api);
    }

    /** A later application in the same JVM (tests restart Quarkus) would otherwise get these gauges back. */
    @jakarta.annotation.PreDestroy
    void unregister() {
        gauges.forEach(registry::remove);
    }

    /** The host of {@code url} answered (or did not). Hosts other than the two configured ones are not tracked. */
    void answered(String url, boolean answered) {
        String host = hostOf(url);
        double value = answered ? 1 : 0;
        if (host.equals(rawHost)) {
            raw.set(value);
        }
        if (host.equals(apiHost)) {
            api.set(value);
        }
    }

    private void register(String host, AtomicReference<Double> value) {
        gauges.add(Gauge.builder("crossroads.github.reachable", value, AtomicReference::get)
                .description("1 when GitHub's host answered the last request sent to it, 0 when it did not")
                .tag("host", host).register(registry));
    }

    private static String hostOf(String url) {
        try {
            URI uri = URI.create(url);
            return uri.getHost() + ":" + uri.getPort();
        } catch (IllegalArgumentException e) {
            return "";
        }
    }
}
