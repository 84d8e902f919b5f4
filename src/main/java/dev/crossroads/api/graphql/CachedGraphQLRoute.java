package dev.crossroads.api.graphql;

import dev.crossroads.api.graphql.ResponseCache.Cached;
import io.quarkus.logging.Log;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.handler.BodyHandler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Serves the GraphQL requests answered from the matrix as stored bytes, before they reach the GraphQL engine: a
 * plain {@code POST /graphql} (what most clients send) and {@code GET /api/queries/{name or sha256}} with
 * {@code ETag} and {@code 304}. A miss is executed once by the GraphQL endpoint itself, over a loopback request
 * marked with a per-process secret, so a cached answer is exactly what the endpoint answers; everything else (other
 * queries, mutations, other media types) passes straight through.
 */
@ApplicationScoped
public class CachedGraphQLRoute {

    /** Runs before the GraphQL endpoint's own route. */
    private static final int ORDER = -10;
    private static final String FILL_HEADER = "X-Crossroads-Cache-Fill";
    private static final List<String> KNOWN_QUERIES = List.of("landing", "feature", "suggestions", "language", "activity");
    private static final String JSON = "application/json; charset=UTF-8";
    /** A fill the endpoint does not answer in this time fails, and its waiters are answered directly. */
    private static final long FILL_TIMEOUT_MS = 10_000;

    private final ResponseCache cache;
    private final QueryLimits limits;
    private final dev.crossroads.api.http.RefusedRequests refused;
    private final GraphQLRequestMetrics metrics;
    private final long maxBody;
    private final String fillSecret;
    private final Map<String, String> queries = new HashMap<>();
    /** The operation name of each known query, by its name or SHA-256. */
    private final Map<String, String> operations = new HashMap<>();
    private WebClient loopback;

    CachedGraphQLRoute(ResponseCache cache, dev.crossroads.api.http.BodyLimits bodies, QueryLimits limits,
            dev.crossroads.api.http.RefusedRequests refused, GraphQLRequestMetrics metrics) {
        this.cache = cache;
        this.refused = refused;
        this.metrics = metrics;
        this.limits = limits;
        this.maxBody = bodies.limitFor("/graphql");
        byte[] secret = new byte[24];
        new SecureRandom().nextBytes(secret);
        this.fillSecret = HexFormat.of().formatHex(secret);
        for (String name : KNOWN_QUERIES) {
            String text = resource("/queries/" + name + ".graphql");
            String sha256 = org.apache.commons.codec.digest.DigestUtils.sha256Hex(text);
            queries.put(name, text);
            queries.put(sha256, text);
            operations.put(name, QueryShape.of(text).operation());
            operations.put(sha256, QueryShape.of(text).operation());
        }
    }

    void register(@Observes Router router, Vertx vertx) {
        this.loopback = WebClient.create(vertx);
        router.post("/graphql").order(ORDER).handler(BodyHandler.create(false).setBodyLimit(maxBody))
                .handler(this::post);
        router.get("/api/queries/:name").handler(this::get);
    }

    private void post(RoutingContext ctx) {
        if (fillSecret.equals(ctx.request().getHeader(FILL_HEADER))) {
            ctx.next();
            return;
        }
        metrics.track(ctx); // not the loopback fills above: they are part of the request that asked for them
        String contentType = ctx.request().getHeader(HttpHeaders.CONTENT_TYPE);
        String type = contentType == null ? "" : contentType.strip().toLowerCase(java.util.Locale.ROOT);
        if (type.startsWith("application/graphql") && !type.startsWith("application/graphql-response")) {
            // the body is the query itself: limits apply the same, nothing is cached
            QueryShape shape = QueryShape.of(ctx.body().asString());
            GraphQLRequestMetrics.operation(ctx, shape.operation());
            String refusal = limits.refusal(shape);
            if (refusal != null) {
                refuse(ctx, refusal);
            } else {
                ctx.next();
            }
            return;
        }
        if (!type.startsWith("application/json")) {
            // the endpoint would read text/plain (or no type) as JSON: a cross-site form could post queries, and
            // they would escape every limit
            refused.count(dev.crossroads.api.http.RefusedRequests.Limit.MEDIA_TYPE);
            respondError(ctx, 415, "UNSUPPORTED_MEDIA_TYPE", "send GraphQL requests as application/json (or a bare "
                    + "query as application/graphql)");
            return;
        }
        if (ctx.body().isEmpty()) {
            badRequest(ctx, "the body is empty: send {\"query\": \"...\"}");
            return;
        }
        String body = ctx.body().asString();
        QueryShape shape = cache.shape(body);
        GraphQLRequestMetrics.operation(ctx, shape.operation());
        if (shape.badRequest() != null) {
            badRequest(ctx, shape.badRequest());
            return;
        }
        String tooBig = limits.refusal(shape);
        if (tooBig != null) {
            refuse(ctx, tooBig);
            return;
        }
        if (!shape.matrixOnly()) {
            ctx.next();
            return;
        }
        Future<Cached> answer = cache.get(body, true, () -> fill(ctx, body));
        if (answer == null) {
            ctx.next(); // first time this request is seen: answered by the endpoint, cached if it comes back
            return;
        }
        answer.onComplete(result -> {
            if (result.failed()) {
                Log.debugf("Cache fill failed, answering directly: %s", result.cause().getMessage());
                ctx.next();
            } else {
                send(ctx, result.result(), false);
            }
        });
    }

    /** {@code GET /api/queries/landing?variables={"query":"parity:partial"}}: a known query by name or SHA-256. */
    private void get(RoutingContext ctx) {
        metrics.track(ctx);
        GraphQLRequestMetrics.operation(ctx, operations.get(ctx.pathParam("name")));
        String text = queries.get(ctx.pathParam("name"));
        if (text == null) {
            error(ctx, 404, "no known query '" + ctx.pathParam("name") + "'; known: " + String.join(", ",
                    KNOWN_QUERIES) + " (or the SHA-256 of their text)");
            return;
        }
        JsonObject request = new JsonObject().put("query", text);
        String variables = ctx.request().getParam("variables");
        if (variables != null && !variables.isBlank()) {
            try {
                request.put("variables", new JsonObject(variables));
            } catch (DecodeException e) {
                error(ctx, 400, "variables must be a JSON object: " + e.getMessage());
                return;
            }
        }
        String body = request.encode();
        cache.get(body, false, () -> fill(ctx, body))
                .recover(e -> e == ResponseCache.ANSWER_DIRECTLY ? fill(ctx, body)
                        : Future.failedFuture(e))
                .onComplete(result -> {
                    if (result.failed()) {
                        error(ctx, 503, "the query could not be answered: " + result.cause().getMessage());
                    } else {
                        send(ctx, result.result(), true);
                    }
                });
    }

    private void send(RoutingContext ctx, Cached response, boolean conditional) {
        GraphQLRequestMetrics.cached(ctx);
        var out = ctx.response();
        out.putHeader(HttpHeaders.CONTENT_TYPE, response.contentType()).putHeader(HttpHeaders.ETAG, response.etag());
        if (conditional) {
            out.putHeader(HttpHeaders.CACHE_CONTROL, "no-cache");
            String presented = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
            if (presented != null && presented.contains(response.etag())) {
                out.setStatusCode(304).end();
                return;
            }
        }
        out.end(response.body());
    }

    /**
     * Executes the request once through the GraphQL endpoint, over loopback, and keeps what it answered. The asker's
     * credentials go along: when reads need them, the loopback request is checked like any other.
     */
    private Future<Cached> fill(RoutingContext asker, String body) {
        SocketAddress local = asker.request().localAddress();
        String authorization = asker.request().getHeader(HttpHeaders.AUTHORIZATION);
        long version = cache.version();
        var request = loopback.post(local.port(), loopbackHost(local), "/graphql")
                // an IPv6 address (a browser on localhost often arrives over ::1) is no valid Host header as is
                .virtualHost("localhost");
        if (authorization != null) {
            request.putHeader(HttpHeaders.AUTHORIZATION.toString(), authorization);
        }
        return request
                .timeout(FILL_TIMEOUT_MS)
                .putHeader(FILL_HEADER, fillSecret)
                .putHeader(HttpHeaders.CONTENT_TYPE.toString(), "application/json")
                .putHeader(HttpHeaders.ACCEPT.toString(), "application/json")
                .sendBuffer(Buffer.buffer(body))
                .compose(this::cached, Future::failedFuture)
                .map(answer -> answer == null ? null
                        : new Cached(answer.body(), answer.contentType(), ResponseCache.etag(version, answer.body())));
    }

    private Future<Cached> cached(HttpResponse<Buffer> response) {
        if (response.statusCode() != 200 || response.body() == null) {
            return Future.failedFuture("the GraphQL endpoint answered " + response.statusCode());
        }
        String type = response.getHeader(HttpHeaders.CONTENT_TYPE.toString());
        return Future.succeededFuture(new Cached(response.body(), type == null ? JSON : type, null));
    }

    private static String loopbackHost(SocketAddress local) {
        String host = local.hostAddress();
        return host == null || host.isEmpty() || "0.0.0.0".equals(host) ? "127.0.0.1" : host;
    }

    /** GraphQL over HTTP: a request that is not one is a 400 with a GraphQL-shaped error. */
    private static void badRequest(RoutingContext ctx, String message) {
        respondError(ctx, 400, "BAD_REQUEST", message);
    }

    /** A request over a limit: a 400 whose code names the limit ({@code QUERY_TOO_COMPLEX: …}). */
    private void refuse(RoutingContext ctx, String refusal) {
        int colon = refusal.indexOf(':');
        dev.crossroads.api.http.RefusedRequests.limitOfCode(refusal.substring(0, colon)).ifPresent(refused::count);
        respondError(ctx, 400, refusal.substring(0, colon), refusal.substring(colon + 1).strip());
    }

    private static void respondError(RoutingContext ctx, int status, String code, String message) {
        JsonObject error = new JsonObject().put("message", message)
                .put("extensions", new JsonObject().put("code", code));
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(new JsonObject().put("errors", new io.vertx.core.json.JsonArray().add(error)).encode());
    }

    private static void error(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, JSON)
                .end(new JsonObject().put("message", message).encode());
    }

    private static String resource(String path) {
        try (InputStream in = CachedGraphQLRoute.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }
}
