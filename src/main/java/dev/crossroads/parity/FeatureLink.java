package dev.crossroads.parity;

import dev.crossroads.snapshot.ItemRef;

/**
 * Why an item counts for a feature, and how sure alignment is.
 *
 * @param supporting the item is part of the feature, not the feature itself (a sub-page such as a Metrics provider,
 *                   a roadmap item that only mentions it): it is evidence, but does not name or decide the cell
 */
public record FeatureLink(ItemRef item, String featureId, double confidence, Reason reason, boolean supporting) {

    public enum Reason {
        /** A maintainer linked it. */
        CURATED,
        /** The catalog lists its name or page for this feature. */
        CATALOG,
        /** Its name is the feature's after normalisation (case, endings, filler words). */
        SAME_NAME,
        /** Its name is close enough to the feature's to merge without asking. */
        SIMILAR_NAME,
        /** Its docs page sits under the feature's page or nav entry. */
        SUB_PAGE,
        /** Its title names the feature ("Add Data Masking module", "Feature request: Tracer"). */
        TITLE_NAMES_FEATURE,
        /** Its title mentions the feature among other words ("Logger: log buffering"). */
        TITLE_MENTIONS_FEATURE,
        /** Nothing matched: it is a feature of its own. */
        OWN_FEATURE
    }
}
