package dev.crossroads.api.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.io.InputStream;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * The landing page's own addresses. {@code /} is the static {@code index.html}; a feature's page
 * ({@code /features/logger}) and a language's page ({@code /languages/java}) are the same shell, which reads the
 * address and asks the API for what it shows, so every view has a link that can be shared.
 */
@ApplicationScoped
public class LandingPages {

    private static final String SHELL = "META-INF/resources/index.html";

    private final Buffer shell;
    private final String etag;

    LandingPages() {
        byte[] bytes = read(SHELL);
        this.shell = Buffer.buffer(bytes);
        this.etag = '"' + DigestUtils.sha256Hex(bytes).substring(0, 32) + '"';
    }

    void register(@Observes Router router) {
        router.get("/features/:id").handler(this::serve);
        router.get("/languages/:id").handler(this::serve);
    }

    private void serve(RoutingContext ctx) {
        var response = ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=UTF-8")
                .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache").putHeader(HttpHeaders.ETAG, etag);
        String presented = ctx.request().getHeader(HttpHeaders.IF_NONE_MATCH);
        if (presented != null && presented.contains(etag)) {
            response.setStatusCode(304).end();
        } else {
            response.end(shell);
        }
    }

    private static byte[] read(String resource) {
        try (InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read " + resource, e);
        }
    }
}
