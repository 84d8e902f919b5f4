package dev.crossroads.parity;

import dev.crossroads.snapshot.ItemRef;
import java.util.List;

/**
 * What maintainers decided, applied over the catalog and automatic alignment on every rebuild, so it survives every
 * sync.
 *
 * @param features features created, or renamed / regrouped / described (null fields keep what alignment found)
 * @param links    items linked by hand; a null feature id unlinks the item
 * @param merges   features folded into others
 * @param rejected suggestions turned down: the item is never suggested for that feature again
 */
public record Curation(List<CatalogFeature> features, List<Link> links, List<Merge> merges, List<Link> rejected) {

    public static final Curation NONE = new Curation(List.of(), List.of(), List.of(), List.of());

    public Curation {
        features = List.copyOf(features);
        links = List.copyOf(links);
        merges = List.copyOf(merges);
        rejected = List.copyOf(rejected);
    }

    /** An item and the feature a maintainer says it belongs to (null: to none). */
    public record Link(ItemRef item, String featureId) {
    }

    /** Feature {@code from} is the same as feature {@code into}. */
    public record Merge(String from, String into) {
    }
}
