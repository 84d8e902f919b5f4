package dev.crossroads.snapshot;

import java.time.Instant;

/**
 * An item as it stands now in one language's source, with its life so far.
 *
 * @param statusSince when it entered its current status
 */
public record StoredItem(String language, SourceKind source, ItemFacts facts, Instant firstSeen, Instant lastSeen,
        Instant statusSince) {

    /** The same item as it was in another status (for reading a feature's past through the same precedence). */
    public StoredItem withStatus(dev.crossroads.roadmap.FeatureStatus status) {
        ItemFacts f = facts;
        return new StoredItem(language, source, new ItemFacts(f.key(), f.title(), f.kind(), status, f.statusRaw(),
                f.priority(), f.progressDone(), f.progressTotal(), f.section(), f.url(), f.evidenceUrl(), f.links(),
                f.tableName()), firstSeen, lastSeen, statusSince);
    }

    public ItemRef ref() {
        return new ItemRef(language, source, facts.key());
    }
}
