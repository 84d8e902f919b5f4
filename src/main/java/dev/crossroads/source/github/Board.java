package dev.crossroads.source.github;

import java.util.List;

/**
 * A whole board, read page by page.
 *
 * @param rateLimitRemaining GraphQL points left after the last page
 */
public record Board(String title, String url, List<BoardItem> items, int pages, Integer rateLimitRemaining) {

    public Board {
        items = List.copyOf(items);
    }
}
