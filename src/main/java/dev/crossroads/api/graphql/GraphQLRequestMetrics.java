package dev.crossroads.api.graphql;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * GraphQL requests and their latency by operation name ({@code crossroads_graphql_requests_seconds}), counted where
 * they arrive ({@link CachedGraphQLRoute}), so that answers from cached bytes, which never reach the GraphQL engine,
 * are counted with the rest. Operation names come from clients: only names in GraphQL's own syntax are kept, and
 * only the first {@value #MAX_OPERATIONS} distinct ones; later ones are counted as {@code other}, so a client
 * inventing names cannot grow the metrics without bound.
 */
@ApplicationScoped
class GraphQLRequestMetrics {

    private static final String OPERATION = "crossroads.graphql.operation";
    private static final String CACHED = "crossroads.graphql.cached";
    private static final int MAX_OPERATIONS = 100;
    private static final Pattern NAME = Pattern.compile("[_A-Za-z][_0-9A-Za-z]{0,99}");
    /** Enough to tell a cached answer (well under a millisecond) from the engine's and from a slow one. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(1), Duration.ofMillis(5), Duration.ofMillis(25),
        Duration.ofMillis(100), Duration.ofMillis(500), Duration.ofMillis(2500)};

    private final MeterRegistry registry;
    private final Set<String> operations = ConcurrentHashMap.newKeySet();

    GraphQLRequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /**
     * Times the request from now until its response starts. Not until it ends: the GraphQL endpoint sets the
     * response's own end handler, which would silently drop a routing context's end handlers.
     */
    void track(RoutingContext ctx) {
        long start = System.nanoTime();
        ctx.addHeadersEndHandler(started -> Timer.builder("crossroads.graphql.requests")
                .description("GraphQL requests (POST /graphql and GET /api/queries/*) by operation name, whether"
                        + " answered from cached bytes, and HTTP status")
                .serviceLevelObjectives(BUCKETS)
                .tag("operation", label(ctx.get(OPERATION)))
                .tag("cached", String.valueOf(Boolean.TRUE.equals(ctx.get(CACHED))))
                .tag("status", String.valueOf(ctx.response().getStatusCode()))
                .register(registry)
                .record(System.nanoTime() - start, TimeUnit.NANOSECONDS));
    }

    /** The operation this request runs, once it is known (the body has been read). */
    static void operation(RoutingContext ctx, String name) {
        ctx.put(OPERATION, name);
    }

    /** This request is answered from cached bytes. */
    static void cached(RoutingContext ctx) {
        ctx.put(CACHED, Boolean.TRUE);
    }

    private String label(String operation) {
        if (operation == null) {
            return "unknown"; // refused or unreadable before its operation could be read
        }
        if (!NAME.matcher(operation).matches()) {
            return "invalid";
        }
        if (operations.contains(operation)) {
            return operation;
        }
        if (operations.size() < MAX_OPERATIONS && operations.add(operation)) {
            return operation;
        }
        return operations.contains(operation) ? operation : "other";
    }
}
