package dev.crossroads.source.github;

import dev.crossroads.config.CrossroadsConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Reads repository files from the raw file host ({@code crossroads.github.raw-url}) with conditional requests.
 * The token is never sent here: it belongs to the API host only.
 */
@ApplicationScoped
public class GitHubFileClient {

    private final HttpFetcher fetcher;
    private final RetryPolicy retries;
    private final String rawUrl;

    GitHubFileClient(HttpFetcher fetcher, RetryPolicy retries, CrossroadsConfig config) {
        this.fetcher = fetcher;
        this.retries = retries;
        this.rawUrl = config.github().rawUrl().replaceAll("/+$", "");
    }

    public String urlOf(String repository, String branch, String path) {
        return rawUrl + "/" + repository + "/" + branch + "/" + path.replaceFirst("^/+", "");
    }

    /** GETs a file, sending the validators of the last answer so an unchanged file costs a 304. */
    public Uni<Fetched> fetch(String url, String etag, String lastModified) {
        Map<String, String> headers = new LinkedHashMap<>();
        if (etag != null) {
            headers.put("If-None-Match", etag);
        }
        if (lastModified != null) {
            headers.put("If-Modified-Since", lastModified);
        }
        return retries.run(() -> fetcher.get(url, headers));
    }
}
