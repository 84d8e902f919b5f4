package dev.crossroads.source.github;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.crossroads.config.CrossroadsConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads Projects (v2) boards through the GraphQL API ({@code crossroads.github.api-url}), 100 items a page. The
 * token goes to the API host only. Pages are fetched one after another, as GitHub asks; when the point budget runs
 * low the client waits for the reset (if soon) instead of spending the last points.
 */
@ApplicationScoped
public class GitHubBoardClient {

    /** Below this many points left, wait for the reset before the next page. */
    static final int BUDGET_FLOOR = 50;
    private static final int MAX_PAGES = 1_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpFetcher fetcher;
    private final RetryPolicy retries;
    private final String graphqlUrl;
    private final Optional<String> token;
    private final Duration maxWait;
    private final String query;

    GitHubBoardClient(HttpFetcher fetcher, RetryPolicy retries, CrossroadsConfig config) {
        this.fetcher = fetcher;
        this.retries = retries;
        this.graphqlUrl = config.github().apiUrl().replaceAll("/+$", "") + "/graphql";
        this.token = config.github().token().filter(t -> !t.isBlank());
        this.maxWait = config.sync().maxRetryAfter();
        this.query = resource("/github/board-items.graphql");
    }

    public boolean hasToken() {
        return token.isPresent();
    }

    public Uni<Board> board(String org, int number) {
        if (token.isEmpty()) {
            return Uni.createFrom().failure(new IllegalStateException("no GITHUB_TOKEN"));
        }
        return page(org, number, null, new Accumulator());
    }

    private Uni<Board> page(String org, int number, String after, Accumulator acc) {
        return retries.run(() -> fetcher.postJson(graphqlUrl, Map.of("Authorization", "Bearer " + token.get()),
                        body(org, number, after)))
                .map(answer -> {
                    if (answer.status() != Fetched.Status.OK) {
                        throw FetchException.permanent("the GitHub API answered HTTP " + answer.httpStatus()
                                + " to the board query", answer.httpStatus());
                    }
                    return BoardPageParser.parse(answer.body(), answer.httpStatus());
                })
                .flatMap(page -> {
                    acc.add(page);
                    if (!page.hasNextPage()) {
                        return Uni.createFrom().item(acc.board());
                    }
                    if (page.endCursor() == null || !acc.cursors.add(page.endCursor())) {
                        throw FetchException.permanent("the board's pagination cursor repeated after " + acc.pages
                                + " pages: stopped instead of looping", 200);
                    }
                    if (acc.pages >= MAX_PAGES) {
                        throw FetchException.permanent("the board has more than " + MAX_PAGES + " pages", 200);
                    }
                    return pace(page).flatMap(ignored -> page(org, number, page.endCursor(), acc));
                });
    }

    /** Slows down before the point budget runs out: waits for the reset if it is near, else gives up for now. */
    private Uni<Void> pace(BoardPageParser.Page page) {
        if (page.remaining() == null || page.remaining() > BUDGET_FLOOR) {
            return Uni.createFrom().voidItem();
        }
        Duration wait = page.resetAt() == null ? Duration.ofMinutes(1)
                : Duration.between(Instant.now(), page.resetAt()).plusSeconds(1);
        if (wait.compareTo(maxWait) > 0) {
            return Uni.createFrom().failure(FetchException.rateLimited("only " + page.remaining()
                    + " GraphQL points left until " + page.resetAt() + ": stopped to keep the budget", 200, wait));
        }
        Log.infof("GraphQL budget low (%d points): waiting %d s for the reset", page.remaining(), wait.toSeconds());
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait.isNegative() ? Duration.ZERO : wait);
    }

    private String body(String org, int number, String after) {
        ObjectNode request = JSON.createObjectNode();
        request.put("query", query);
        ObjectNode variables = request.putObject("variables");
        variables.put("org", org);
        variables.put("number", number);
        if (after == null) {
            variables.putNull("after");
        } else {
            variables.put("after", after);
        }
        return request.toString();
    }

    private static String resource(String path) {
        try (InputStream in = GitHubBoardClient.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static final class Accumulator {
        final List<BoardItem> items = new ArrayList<>();
        final Set<String> cursors = new HashSet<>();
        String title;
        String url;
        Integer remaining;
        int pages;

        void add(BoardPageParser.Page page) {
            pages++;
            items.addAll(page.items());
            title = title == null ? page.title() : title;
            url = url == null ? page.url() : url;
            remaining = page.remaining();
        }

        Board board() {
            return new Board(title, url, items, pages, remaining);
        }
    }
}
