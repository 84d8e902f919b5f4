package dev.crossroads.source.github;

import java.util.List;

/**
 * One card of a Projects (v2) board, as GitHub describes it.
 *
 * @param status     the Status single-select value; null when the card has none yet
 * @param type       ISSUE, PULL_REQUEST, DRAFT_ISSUE or REDACTED (content the token cannot see)
 * @param repository {@code owner/name} of the issue or pull request; null for drafts and redacted cards
 */
public record BoardItem(String id, String type, String status, String title, String url, Integer number,
        String state, String repository, List<String> labels, String updatedAt) {

    public BoardItem {
        labels = labels == null ? List.of() : List.copyOf(labels);
    }
}
