package dev.crossroads.api.graphql;

import dev.crossroads.config.CrossroadsConfig;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * With {@code crossroads.graphql.introspection=false} the schema is not published: {@code __schema} and
 * {@code __type} are refused with the request limits ({@link QueryLimits}), and this refuses the SDL
 * ({@code GET /graphql/schema.graphql}, which SmallRye serves before any query runs).
 */
@ApplicationScoped
class IntrospectionSwitch {

    private static final int ORDER = -10;

    private final boolean enabled;

    IntrospectionSwitch(CrossroadsConfig config) {
        this.enabled = config.graphql().introspection();
    }

    void register(@Observes Router router) {
        if (!enabled) {
            router.get("/graphql/schema.graphql").order(ORDER).handler(ctx -> ctx.response().setStatusCode(404)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/json; charset=UTF-8")
                    .end(new JsonObject().put("status", 404).put("error", "Not Found")
                            .put("code", "INTROSPECTION_DISABLED")
                            .put("message", "the schema is not published (crossroads.graphql.introspection)")
                            .encode()));
        }
    }
}
