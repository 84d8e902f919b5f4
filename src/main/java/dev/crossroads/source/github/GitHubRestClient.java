package dev.crossroads.source.github;

import dev.crossroads.config.CrossroadsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GETs from the REST API ({@code crossroads.github.api-url}) with the token, and files at a commit from the raw
 * host (without it): what a history backfill reads from GitHub. Retries and rate-limit waits as for the sync.
 */
@ApplicationScoped
public class GitHubRestClient {

    private static final Pattern NEXT = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"next\"");

    private final HttpFetcher fetcher;
    private final RetryPolicy retries;
    private final String apiUrl;
    private final String rawUrl;
    private final Optional<String> token;

    GitHubRestClient(HttpFetcher fetcher, RetryPolicy retries, CrossroadsConfig config) {
        this.fetcher = fetcher;
        this.retries = retries;
        this.apiUrl = config.github().apiUrl().replaceAll("/+$", "");
        this.rawUrl = config.github().rawUrl().replaceAll("/+$", "");
        this.token = config.github().token().filter(t -> !t.isBlank());
    }

    /** {@code <api>/repos/<repository>/<path>?<query>}, the query's values encoded. */
    public String api(String repository, String path, Map<String, String> query) {
        StringBuilder url = new StringBuilder(apiUrl).append("/repos/").append(repository).append('/').append(path);
        char separator = '?';
        for (Map.Entry<String, String> parameter : query.entrySet()) {
            url.append(separator).append(parameter.getKey()).append('=')
                    .append(URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
            separator = '&';
        }
        return url.toString();
    }

    /** An API answer (a page); conditional when an ETag is given. */
    public Uni<Fetched> get(String url, String etag) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Accept", "application/vnd.github+json");
        headers.put("X-GitHub-Api-Version", "2022-11-28");
        token.ifPresent(t -> headers.put("Authorization", "Bearer " + t));
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        return retries.run(() -> fetcher.get(url, headers));
    }

    /** A file as it was at a commit, from the raw host (immutable: no validators needed). */
    public Uni<Fetched> file(String repository, String commit, String path) {
        return retries.run(() -> fetcher.get(rawUrl + "/" + repository + "/" + commit + "/"
                + path.replaceFirst("^/+", ""), Map.of()));
    }

    /** The next page's URL from a {@code Link} header, if there is one. */
    public static Optional<String> next(String link) {
        if (link == null) {
            return Optional.empty();
        }
        Matcher matcher = NEXT.matcher(link);
        return matcher.find() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
