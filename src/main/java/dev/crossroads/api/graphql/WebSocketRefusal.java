package dev.crossroads.api.graphql;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses GraphQL over WebSocket ({@code graphql-ws}, {@code graphql-transport-ws} on {@code /graphql}), which
 * SmallRye offers whatever the schema: ours has no subscriptions, and queries sent that way escaped every request
 * limit (30 aliases of {@code sources} were answered). Queries and mutations are POSTed.
 */
@ApplicationScoped
class WebSocketRefusal {

    /** Before SmallRye's own upgrade handler (order -99). */
    private static final int ORDER = -200;

    void register(@Observes Router router) {
        router.route("/graphql").order(ORDER).handler(ctx -> {
            if (!"websocket".equalsIgnoreCase(ctx.request().getHeader(HttpHeaders.UPGRADE))) {
                ctx.next();
                return;
            }
            JsonObject error = new JsonObject().put("message", "GraphQL over WebSocket is not served (the schema has"
                    + " no subscriptions): POST queries to /graphql").put("extensions",
                            new JsonObject().put("code", "WEBSOCKET_NOT_SERVED"));
            ctx.response().setStatusCode(400).putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .end(new JsonObject().put("errors", new JsonArray().add(error)).encode());
        });
    }
}
