package dev.crossroads.api.http;

import dev.crossroads.config.CrossroadsConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.concurrent.Semaphore;

/**
 * Refuses a request body before it is read when its declared size is over what its route can use (parse previews:
 * {@code crossroads.parse.max-bytes}; GraphQL: a query-size limit; GitHub webhooks: what GitHub sends), and holds
 * large bodies to a few at a time, so that concurrent big uploads cannot exhaust the heap. Chunked bodies (no length
 * declared) count as large; the HTTP layer's own ceiling ({@code quarkus.http.limits.max-body-size}) bounds them.
 * A slow sender holds its permit until the connection's idle timeout: noted in docs/operations.md.
 */
@ApplicationScoped
public class BodyLimits {

    /** Before every other route, so nothing buffers a body first. */
    private static final int ORDER = -1_000;
    /** Multipart boundaries, JSON quoting and field names around a previewed document. */
    private static final long ENVELOPE = 64 * 1024;
    /** A GraphQL request: queries and variables, never documents (parseRoadmap takes at most parse.max-bytes). */
    private static final long GRAPHQL_EXTRA = 64 * 1024;
    /** GitHub caps webhook payloads at 25 MB, but a push of the tracked repositories is a few kB to a few MB. */
    private static final long WEBHOOK = 10L * 1024 * 1024;
    /** Every other route: small JSON at most. */
    private static final long OTHER = 64 * 1024;
    /** Bodies over this count against {@link #large}. */
    static final long LARGE = 512 * 1024;

    private final long parseLimit;
    private final long parseMaxBytes;
    private final Semaphore large;
    private final RefusedRequests refused;

    BodyLimits(CrossroadsConfig config, RefusedRequests refused) {
        this.refused = refused;
        this.parseMaxBytes = config.parse().maxBytes();
        this.parseLimit = parseMaxBytes + ENVELOPE;
        this.large = new Semaphore(Math.max(1, config.parse().maxConcurrent() + 1));
    }

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        HttpMethod method = ctx.request().method();
        if (method == HttpMethod.GET || method == HttpMethod.HEAD || method == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        String path = ctx.normalizedPath();
        long limit = limitFor(path);
        String declared = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        long length;
        try {
            length = declared == null ? -1 : Long.parseLong(declared.strip());
        } catch (NumberFormatException e) {
            refuse(ctx, 400, "Content-Length '" + declared + "' is not a number");
            return;
        }
        if (length > limit) {
            refused.count(RefusedRequests.Limit.BODY_SIZE);
            refuse(ctx, 413, path.startsWith("/api/parse/")
                    // the same words as the preview's own check, which sees the document without its envelope
                    ? "the document is " + length + " bytes; the limit is " + parseMaxBytes
                            + " bytes (crossroads.parse.max-bytes)"
                    : "the body is " + length + " bytes; " + path + " takes at most " + limit + " bytes");
            return;
        }
        boolean chunked = length == -1 && ctx.request().headers().contains(HttpHeaders.TRANSFER_ENCODING);
        if (chunked || length > LARGE) { // neither a length nor chunks: no body (an HTTP/1.1 POST with none)
            if (!large.tryAcquire()) {
                refused.count(RefusedRequests.Limit.LARGE_BODIES);
                ctx.response().putHeader(HttpHeaders.RETRY_AFTER, "1");
                refuse(ctx, 503, "too many large requests are being received at once; try again in a moment");
                return;
            }
            ctx.addEndHandler(ended -> large.release());
        }
        ctx.next();
    }

    /** The largest body a path takes. */
    public long limitFor(String path) {
        if (path.startsWith("/api/parse/")) {
            return parseLimit;
        }
        if (path.equals("/graphql") || path.startsWith("/graphql/")) {
            return parseLimit + GRAPHQL_EXTRA;
        }
        if (path.equals("/api/webhooks/github")) {
            return WEBHOOK;
        }
        return OTHER;
    }

    /** Answers at once and closes the connection: the unread body is not worth draining. */
    private static void refuse(RoutingContext ctx, int status, String message) {
        ctx.response().setStatusCode(status)
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(new JsonObject().put("status", status).put("message", message).encode());
    }
}
