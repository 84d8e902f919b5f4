package dev.crossroads.source.github;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Reads one GraphQL answer of the board query; a 200 carrying {@code errors} is a failure, not data. */
final class BoardPageParser {

    private static final ObjectMapper JSON = new ObjectMapper();

    record Page(String title, String url, List<BoardItem> items, boolean hasNextPage, String endCursor,
            Integer remaining, Instant resetAt) {
    }

    private BoardPageParser() {
    }

    static Page parse(String body, int httpStatus) {
        JsonNode root;
        try {
            root = JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw FetchException.permanent("malformed JSON from the GitHub API: "
                    + e.getOriginalMessage(), httpStatus);
        }
        if (root == null || !root.isObject()) {
            throw FetchException.permanent("the GitHub API answered something that is not a JSON object", httpStatus);
        }
        JsonNode errors = root.path("errors");
        if (errors.isArray() && !errors.isEmpty()) {
            JsonNode first = errors.get(0);
            String type = first.path("type").asText("");
            String message = "GitHub GraphQL error" + (type.isEmpty() ? "" : " " + type) + ": "
                    + first.path("message").asText("no message");
            if (type.equals("RATE_LIMITED")) {
                throw FetchException.rateLimited(message, httpStatus, Duration.ofMinutes(1));
            }
            throw FetchException.permanent(message, httpStatus);
        }
        JsonNode project = root.path("data").path("organization").path("projectV2");
        if (project.isMissingNode() || project.isNull()) {
            throw FetchException.permanent("the board does not exist or the token cannot see it", httpStatus);
        }
        JsonNode items = project.path("items");
        List<BoardItem> cards = new ArrayList<>();
        for (JsonNode node : items.path("nodes")) {
            cards.add(card(node));
        }
        JsonNode rate = root.path("data").path("rateLimit");
        return new Page(project.path("title").asText(null), project.path("url").asText(null), cards,
                items.path("pageInfo").path("hasNextPage").asBoolean(false),
                items.path("pageInfo").path("endCursor").asText(null),
                rate.hasNonNull("remaining") ? rate.get("remaining").asInt() : null, instant(rate.path("resetAt")));
    }

    private static BoardItem card(JsonNode node) {
        JsonNode content = node.path("content");
        List<String> labels = new ArrayList<>();
        for (JsonNode label : content.path("labels").path("nodes")) {
            labels.add(label.path("name").asText());
        }
        JsonNode status = node.path("status");
        return new BoardItem(node.path("id").asText(), node.path("type").asText("REDACTED"),
                status.hasNonNull("name") ? status.get("name").asText() : null,
                content.path("title").asText(null), content.path("url").asText(null),
                content.hasNonNull("number") ? content.get("number").asInt() : null,
                content.path("state").asText(null),
                content.path("repository").path("nameWithOwner").asText(null), labels,
                node.path("updatedAt").asText(null));
    }

    private static Instant instant(JsonNode value) {
        if (!value.isTextual()) {
            return null;
        }
        try {
            return Instant.parse(value.asText());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
