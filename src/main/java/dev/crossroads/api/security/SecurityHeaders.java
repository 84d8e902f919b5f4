package dev.crossroads.api.security;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Security headers on every response: pages, static files, JSON, errors. Set just before the headers are written
 * (not when the request arrives), so whichever route answers (static files from {@code META-INF/resources}, the
 * GraphQL UI, the GraphQL endpoint, a 404) they are there and no handler's own headers can drop them.
 *
 * <p>Two policies. Everything but the GraphQL UI gets the landing page's: its own scripts, styles, images, fonts and
 * API only, no inline code, no framing. The UI (SmallRye's GraphiQL bundle, served from this service, nothing from a
 * CDN) injects {@code <style>} elements at run time and embeds its fonts as {@code data:} URLs, so its policy adds
 * {@code style-src 'unsafe-inline'} and {@code font-src data:}, for {@code /q/graphql-ui/} only; it runs no inline
 * script and is not framed either.
 */
@ApplicationScoped
public class SecurityHeaders {

    /** Before every other route, so even requests they refuse get the headers. */
    private static final int ORDER = -2_000;

    static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
            + "connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    static final String UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
            + "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    /** {@code quarkus.smallrye-graphql.ui.root-path} under the non-application root {@code /q}. */
    static final String UI_PATH = "/q/graphql-ui";

    void register(@Observes Router router) {
        router.route().order(ORDER).handler(this::addOnAnswer);
    }

    private void addOnAnswer(RoutingContext ctx) {
        String path = ctx.normalizedPath();
        boolean ui = path.equals(UI_PATH) || path.startsWith(UI_PATH + "/");
        ctx.addHeadersEndHandler(ignored -> {
            MultiMap headers = ctx.response().headers();
            headers.set("Content-Security-Policy", ui ? UI_POLICY : POLICY);
            headers.set("X-Content-Type-Options", "nosniff");
            headers.set("X-Frame-Options", "DENY");
            headers.set("Referrer-Policy", "no-referrer");
        });
        ctx.next();
    }
}
