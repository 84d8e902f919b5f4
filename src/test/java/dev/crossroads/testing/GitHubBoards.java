package dev.crossroads.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/** Answers the board query the way GitHub's GraphQL API does, page by page, from generated cards. */
public final class GitHubBoards {

    public static final String GRAPHQL = "/api/graphql";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] STATUSES = {"Ideas", "Backlog", "Working on it", "Coming soon", "Shipped"};

    private GitHubBoards() {
    }

    /** The four Powertools boards, each with a few cards on one page. */
    public static void servePowertools(WireMockServer server) {
        serve(server, 3, "powertools-lambda-python", 5, 1);
        serve(server, 7, "powertools-lambda-typescript", 4, 1);
        serve(server, 4, "powertools-lambda-java", 3, 1);
        serve(server, 6, "powertools-lambda-dotnet", 2, 1);
    }

    /** Serves {@code cards} cards of board {@code number} split over {@code pages} pages. */
    public static void serve(WireMockServer server, int number, String repo, int cards, int pages) {
        int perPage = (cards + pages - 1) / pages;
        for (int page = 0; page < pages; page++) {
            int from = page * perPage;
            int to = Math.min(cards, from + perPage);
            boolean more = page < pages - 1;
            String after = page == 0 ? null : "cursor-" + number + "-" + page;
            server.stubFor(post(urlEqualTo(GRAPHQL)).atPriority(5)
                    .withHeader("Authorization", equalTo("Bearer " + GitHubWireMockResource.GITHUB_TOKEN))
                    .withRequestBody(matchingJsonPath("$.variables.number", equalTo(String.valueOf(number))))
                    .withRequestBody(after == null ? matchingJsonPath("$.variables[?(@.after == null)]")
                            : matchingJsonPath("$.variables.after", equalTo(after)))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                            .withBody(page(number, repo, from, to, more, "cursor-" + number + "-" + (page + 1), 4000))));
        }
    }

    public static String page(int number, String repo, int from, int to, boolean more, String endCursor,
            int remaining) {
        ObjectNode root = JSON.createObjectNode();
        ObjectNode project = root.putObject("data").putObject("organization").putObject("projectV2");
        project.put("title", "Board " + number);
        project.put("url", "https://github.com/orgs/aws-powertools/projects/" + number);
        ObjectNode items = project.putObject("items");
        items.put("totalCount", to - from);
        items.putObject("pageInfo").put("hasNextPage", more).put("endCursor", endCursor);
        ArrayNode nodes = items.putArray("nodes");
        for (int i = from; i < to; i++) {
            ObjectNode node = nodes.addObject();
            node.put("id", "PVTI_" + number + "_" + i);
            node.put("type", "ISSUE");
            node.put("updatedAt", "2026-01-01T00:00:00Z");
            if (i % 5 == 4) {
                node.putNull("status");
            } else {
                node.putObject("status").put("name", STATUSES[i % STATUSES.length]);
            }
            ObjectNode content = node.putObject("content");
            content.put("__typename", "Issue");
            content.put("number", 1000 + i);
            content.put("title", "Feature request " + i);
            content.put("url", "https://github.com/aws-powertools/" + repo + "/issues/" + (1000 + i));
            content.put("state", "OPEN");
            content.putObject("repository").put("nameWithOwner", "aws-powertools/" + repo);
            content.putObject("labels").putArray("nodes").addObject().put("name", "feature-request");
        }
        root.with("data").putObject("rateLimit").put("cost", 1).put("remaining", remaining)
                .put("resetAt", "2030-01-01T00:00:00Z");
        return root.toString();
    }
}
