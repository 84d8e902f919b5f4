package dev.crossroads.parity;

import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.StoredItem;
import java.util.List;
import java.util.Map;

/**
 * Which feature each item belongs to.
 *
 * @param features  in display order: catalog order, then features found in the docs, then roadmap-only ones
 * @param links     by item; items absent here are in {@code unlinked}
 * @param unlinked  items that name no feature (roadmap themes such as "Office hours", board chores), listed
 */
public record Alignment(List<Feature> features, Map<ItemRef, FeatureLink> links, List<Suggestion> suggestions,
        List<StoredItem> unlinked) {
}
