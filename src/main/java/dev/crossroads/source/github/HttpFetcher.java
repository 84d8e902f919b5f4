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
import io.vertx.core.http.HttpMethod;
import java.net.ConnectException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeoutException;

/**
 * One HTTP exchange with a file or API host, nothing more: conditional headers in, a {@link Fetched} or a
 * classified {@link FetchException} out. Retries live one level up, in {@link RetryPolicy}.
 */
@ApplicationScoped
class HttpFetcher {

    private static final Set<Integer> REDIRECTS = Set.of(301, 302, 303, 307, 308);
    private static final int MAX_REDIRECTS = 5;

    private final WebClient client;
    private final int maxBytes;
    private final Duration timeout;
    private final GitHubReachability reachability;

    HttpFetcher(Vertx vertx, CrossroadsConfig config, GitHubReachability reachability) {
        this.reachability = reachability;
        this.maxBytes = config.sync().maxBytes();
        this.timeout = config.sync().requestTimeout();
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgent("crossroads (+https://github.com/crossroads)")
                .setConnectTimeout((int) timeout.toMillis())
                // redirects are followed by hand, never with the token to another origin (see redirect)
                .setFollowRedirects(false)
                .setTryUseCompression(true)
                // requests in flight to one host (the rest wait their turn): crossroads.sync.parallelism
                .setMaxPoolSize(Math.max(1, config.sync().parallelism())));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    Uni<Fetched> get(String url, Map<String, String> headers) {
        return send(HttpMethod.GET, url, headers, null, 0);
    }

    Uni<Fetched> postJson(String url, Map<String, String> headers, String json) {
        Map<String, String> withType = new LinkedHashMap<>(headers);
        withType.put("Content-Type", "application/json");
        return send(HttpMethod.POST, url, withType, json, 0);
    }

    private Uni<Fetched> send(HttpMethod method, String url, Map<String, String> headers, String json, int hops) {
        HttpRequest<Buffer> request = client.requestAbs(method, url).timeout(timeout.toMillis());
        headers.forEach(request::putHeader);
        LimitedBody body = new LimitedBody(maxBytes);
        HttpRequest<Void> piped = request.as(BodyCodec.newInstance(io.vertx.ext.web.codec.BodyCodec.pipe(body)));
        Uni<HttpResponse<Void>> sent = json == null ? piped.send()
                : piped.sendBuffer(Buffer.buffer(json));
        return sent
                .ifNoItem().after(timeout.plusSeconds(1)).failWith(() -> new TimeoutException("no answer in " + timeout))
                .onFailure(f -> !(f instanceof FetchException)).transform(f -> classify(f, body, url))
                .invoke(response -> reachability.answered(url, true))
                .flatMap(response -> REDIRECTS.contains(response.statusCode())
                        ? redirect(response, method, url, headers, json, hops)
                        : Uni.createFrom().item(() -> answer(response, body, url)));
    }

    /**
     * Follows a redirect by hand (the client's own following would copy every header, the token too, to wherever
     * the Location points). A request carrying credentials follows only to its own origin (scheme, host and port);
     * one without any may go anywhere over HTTP(S), since it has nothing to leak. 303 turns a POST into a GET, 307
     * and 308 repeat it, 301 and 302 are followed for GET only.
     */
    private Uni<Fetched> redirect(HttpResponse<Void> response, HttpMethod method, String url,
            Map<String, String> headers, String json, int hops) {
        int status = response.statusCode();
        String location = response.getHeader("Location");
        if (location == null || location.isBlank()) {
            throw FetchException.permanent(host(url) + " answered HTTP " + status + " without a Location", status);
        }
        URI target;
        try {
            target = URI.create(url).resolve(location.strip());
        } catch (IllegalArgumentException e) {
            throw FetchException.permanent(host(url) + " answered HTTP " + status + " with an unusable Location", status);
        }
        String scheme = target.getScheme() == null ? "" : target.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https") || target.getHost() == null) {
            throw FetchException.permanent(host(url) + " answered HTTP " + status + " with a redirect that is not"
                    + " HTTP(S): not followed", status);
        }
        String from = origin(URI.create(url));
        String to = origin(target);
        boolean credentials = headers.keySet().stream().anyMatch(name -> name.equalsIgnoreCase("Authorization"));
        if (credentials && !from.equals(to)) {
            throw FetchException.permanent(host(url) + " answered HTTP " + status + ", a redirect to another host ("
                    + to + "); not followed with credentials", status);
        }
        if (hops >= MAX_REDIRECTS) {
            throw FetchException.permanent("more than " + MAX_REDIRECTS + " redirects from " + host(url), status);
        }
        if (status == 303 && method != HttpMethod.GET && method != HttpMethod.HEAD) {
            Map<String, String> withoutBody = new LinkedHashMap<>(headers);
            withoutBody.keySet().removeIf(name -> name.equalsIgnoreCase("Content-Type"));
            return send(HttpMethod.GET, target.toString(), withoutBody, null, hops + 1);
        }
        if ((status == 301 || status == 302) && method != HttpMethod.GET && method != HttpMethod.HEAD) {
            throw FetchException.permanent(host(url) + " answered HTTP " + status + " to a " + method.name()
                    + ": not followed", status);
        }
        return send(method, target.toString(), headers, json, hops + 1);
    }

    /** scheme://host:port, the port made explicit: what decides whether credentials may go along. */
    static String origin(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : scheme.equals("http") ? 80 : -1;
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        return scheme + "://" + host + ":" + port;
    }

    private Fetched answer(HttpResponse<Void> response, LimitedBody body, String url) {
        int status = response.statusCode();
        Integer remaining = intHeader(response, "X-RateLimit-Remaining");
        if (status == 304) {
            return new Fetched(Fetched.Status.NOT_MODIFIED, status, null, null, response.getHeader("ETag"),
                    response.getHeader("Last-Modified"), remaining, response.getHeader("Link"));
        }
        if (status == 404) {
            return new Fetched(Fetched.Status.NOT_FOUND, status, null, null, null, null, remaining);
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
        byte[] bytes = body.collected().getBytes();
        String text = new String(bytes, StandardCharsets.UTF_8);
        String declaredLength = response.getHeader("Content-Length");
        if (declaredLength != null && !response.headers().contains("Content-Encoding")
                && parseLong(declaredLength) > body.collected().length()) {
            throw FetchException.transientFailure("truncated answer from " + host(url) + ": " + body.collected().length()
                    + " of " + declaredLength + " bytes", status, null);
        }
        return new Fetched(Fetched.Status.OK, status, text, bytes, response.getHeader("ETag"),
                response.getHeader("Last-Modified"), remaining, response.getHeader("Link"));
    }

    private FetchException classify(Throwable failure, LimitedBody body, String url) {
        if (body.overflowed() || failure instanceof LimitedBody.BodyTooLargeException
                || failure.getCause() instanceof LimitedBody.BodyTooLargeException) {
            return FetchException.permanent(new LimitedBody.BodyTooLargeException(maxBytes).getMessage() + " at "
                    + host(url), 0);
        }
        reachability.answered(url, false);
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
