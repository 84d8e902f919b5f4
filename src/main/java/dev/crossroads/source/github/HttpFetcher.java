package dev.crossroads.source.github;

import dev.crossroads.config.CrossroadsConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.codec.BodyCodec;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.PreDestroy;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a file or API host, nothing more: conditional headers in, a {@link Fetched} or a
 * classified {@link FetchException} out. Retries live one level up, in {@link RetryPolicy}.
 */
@ApplicationScoped
class HttpFetcher {

    private final WebClient client;
    private final int maxBytes;
    private final Duration timeout;

    HttpFetcher(Vertx vertx, CrossroadsConfig config) {
        this.maxBytes = config.sync().maxBytes();
        this.timeout = config.sync().requestTimeout();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("crossroads (+https://github.com/crossroads)")
                .setConnectTimeout((int) timeout.toMillis())
                .setFollowRedirects(true)
                .setTryUseCompression(true));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    Uni<Fetched> get(String url, Map<String, String> headers) {
        HttpRequest<Buffer> request = client.getAbs(url).timeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        return exchange(request, null, url);
    }

    Uni<Fetched> postJson(String url, Map<String, String> headers, String json) {
        HttpRequest<Buffer> request = client.postAbs(url).timeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        request.putHeader("Content-Type", "application/json");
        return exchange(request, json, url);
    }

    private Uni<Fetched> exchange(HttpRequest<Buffer> request, String json, String url) {
        LimitedBody body = new LimitedBody(maxBytes);
        HttpRequest<Void> piped = request.as(BodyCodec.newInstance(io.vertx.ext.web.codec.BodyCodec.pipe(body)));
        Uni<HttpResponse<Void>> sent = json == null ? piped.send()
                : piped.sendBuffer(Buffer.buffer(json));
        return sent
                .ifNoItem().after(timeout.plusSeconds(1)).failWith(() -> new TimeoutException("no answer in " + timeout))
                .onItem().transform(response -> answer(response, body, url))
                .onFailure(f -> !(f instanceof FetchException)).transform(f -> classify(f, body, url));
    }

    private Fetched answer(HttpResponse<Void> response, LimitedBody body, String url) {
        int status = response.statusCode();
        Integer remaining = intHeader(response, "X-RateLimit-Remaining");
        if (status == 304) {
            return new Fetched(Fetched.Status.NOT_MODIFIED, status, null, response.getHeader("ETag"),
                    response.getHeader("Last-Modified"), remaining);
        }
        if (status == 404) {
            return new Fetched(Fetched.Status.NOT_FOUND, status, null, null, null, remaining);
        }
        if (status == 429 || status == 403 && (response.getHeader("Retry-After") != null || Integer.valueOf(0)
                .equals(remaining))) {
            throw FetchException.rateLimited("rate limited by " + host(url) + " (HTTP " + status + ")", status,
                    waitFor(response));
        }
        if (status >= 500) {
            throw FetchException.transientFailure("HTTP " + status + " from " + host(url), status, null);
        }
        if (status >= 400) {
            throw FetchException.permanent("HTTP " + status + " from " + host(url), status);
        }
        String text = body.collected().toString(StandardCharsets.UTF_8);
        String declaredLength = response.getHeader("Content-Length");
        if (declaredLength != null && !response.headers().contains("Content-Encoding")
                && parseLong(declaredLength) > body.collected().length()) {
            throw FetchException.transientFailure("truncated answer from " + host(url) + ": " + body.collected().length()
                    + " of " + declaredLength + " bytes", status, null);
        }
        return new Fetched(Fetched.Status.OK, status, text, response.getHeader("ETag"),
                response.getHeader("Last-Modified"), remaining);
    }

    private FetchException classify(Throwable failure, LimitedBody body, String url) {
        if (body.overflowed() || failure instanceof LimitedBody.BodyTooLargeException
                || failure.getCause() instanceof LimitedBody.BodyTooLargeException) {
            return FetchException.permanent(new LimitedBody.BodyTooLargeException(maxBytes).getMessage() + " at "
                    + host(url), 0);
        }
        // Vert.x reports its request timeout as a java.util.concurrent.TimeoutException (NoStackTraceTimeoutException)
        if (failure instanceof TimeoutException || failure instanceof io.netty.handler.timeout.TimeoutException) {
            return FetchException.transientFailure("timed out after " + timeout.toSeconds() + " s waiting for "
                    + host(url), 0, failure);
        }
        if (failure instanceof ConnectException) {
            return FetchException.transientFailure("could not connect to " + host(url), 0, failure);
        }
        return FetchException.transientFailure("connection to " + host(url) + " failed: "
                + String.valueOf(failure.getMessage()), 0, failure);
    }

    /** Retry-After in seconds, else the X-RateLimit-Reset epoch second, else GitHub's advice of one minute. */
    private static Duration waitFor(HttpResponse<?> response) {
        Long retryAfter = parseLong(response.getHeader("Retry-After"));
        if (retryAfter != null) {
            return Duration.ofSeconds(Math.max(0, retryAfter));
        }
        Long reset = parseLong(response.getHeader("X-RateLimit-Reset"));
        if (reset != null) {
            return Duration.ofSeconds(Math.max(0, reset - Instant.now().getEpochSecond()));
        }
        return Duration.ofMinutes(1);
    }

    private static Integer intHeader(HttpResponse<?> response, String name) {
        Long value = parseLong(response.getHeader(name));
        return value == null ? null : value.intValue();
    }

    private static Long parseLong(String value) {
        if (value == null) {
            return null;
        }
        try {
            return Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static String host(String url) {
        int start = url.indexOf("://");
        String rest = start < 0 ? url : url.substring(start + 3);
        int end = rest.indexOf('/');
        return end < 0 ? rest : rest.substring(0, end);
    }
}
