package dev.crossroads.api.security;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.config.CrossroadsConfig.Access.Reads;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * With {@code crossroads.access.reads=authenticated}, the API answers only requests carrying valid credentials (the
 * admin token or a valid JWT, whatever its roles): GraphQL ({@code /graphql}, its schema), the stored queries
 * ({@code /api/queries/}) and the parse previews ({@code /api/parse/}). Others get a 401 in their API's error shape.
 * Not guarded: health and metrics ({@code /q/health}, {@code /q/metrics}: for the platform), the GitHub webhook
 * (signed), static files and the GraphQL UI (no data in them; the UI's requests carry the header set in its editor)
 * and CORS preflights (they never carry credentials).
 */
@ApplicationScoped
public class ReadAccess {

    /** After the body limits, before the cached GraphQL answers. */
    private static final int ORDER = -500;

    private final Credentials credentials;
    private final boolean required;

    ReadAccess(CrossroadsConfig config, Credentials credentials) {
        this.credentials = credentials;
        this.required = config.access().reads() == Reads.AUTHENTICATED;
    }

    void register(@Observes Router router) {
        if (required) {
            router.route().order(ORDER).handler(this::check);
        }
    }

    private void check(RoutingContext ctx) {
        if (!guarded(ctx.normalizedPath()) || ctx.request().method() == HttpMethod.OPTIONS) {
            ctx.next();
            return;
        }
        // the body keeps arriving while a JWT is verified on a worker: hold it for whichever route reads it
        ctx.request().pause();
        credentials.identify(ctx).subscribe().with(caller -> {
            if (caller.authenticated()) {
                ctx.request().resume();
                ctx.next();
            } else {
                refuse(ctx, caller.refusal() != null ? caller.refusal()
                        : "reading needs Authorization: Bearer <admin token or JWT> (crossroads.access.reads)");
            }
        }, ctx::fail);
    }

    static boolean guarded(String path) {
        return path.equals("/graphql") || path.startsWith("/graphql/") || path.startsWith("/api/queries/")
                || path.startsWith("/api/parse/");
    }

    /** 401 with {@code WWW-Authenticate: Bearer}; the GraphQL endpoint answers a GraphQL error, the rest JSON. */
    private static void refuse(RoutingContext ctx, String message) {
        JsonObject body = ctx.normalizedPath().equals("/graphql")
                ? new JsonObject().put("errors", new JsonArray().add(new JsonObject().put("message", message)
                        .put("extensions", new JsonObject().put("code", "UNAUTHORIZED"))))
                : new JsonObject().put("status", 401).put("error", "Unauthorized").put("message", message);
        ctx.response().setStatusCode(401)
                .putHeader("WWW-Authenticate", "Bearer")
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                .putHeader(HttpHeaders.CONNECTION, "close")
                .end(body.encode());
    }
}
