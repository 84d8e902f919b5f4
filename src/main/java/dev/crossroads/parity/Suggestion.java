package dev.crossroads.parity;

import dev.crossroads.snapshot.ItemRef;

/**
 * A match alignment was not sure enough of to make: shown to maintainers, applied only when one accepts it.
 *
 * @param id stable across rebuilds: the item and the feature it may belong to
 */
public record Suggestion(String id, ItemRef item, String itemTitle, String featureId, String featureName,
        double confidence, String reason) {
}
