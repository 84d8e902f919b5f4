package dev.crossroads.report;

import java.time.Instant;

/**
 * One entry of the change feed.
 *
 * @param id        a {@code tag:} URI derived from what it announces, the same in every request
 * @param language  the language it happened in (for AVAILABLE_EVERYWHERE, the one that shipped last)
 * @param featureId the feature it concerns, when its item is linked to one
 * @param link      the feature's page, else the item on GitHub, else the landing page
 */
public record FeedEntry(String id, FeedKind kind, Instant at, String title, String summary, String language,
        String featureId, String link) {
}
