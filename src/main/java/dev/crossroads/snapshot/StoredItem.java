package dev.crossroads.snapshot;

import java.time.Instant;

/**
 * An item as it stands now in one language's source, with its life so far.
 *
 * @param statusSince when it entered its current status
 */
public record StoredItem(String language, SourceKind source, ItemFacts facts, Instant firstSeen, Instant lastSeen,
        Instant statusSince) {

    public ItemRef ref() {
        return new ItemRef(language, source, facts.key());
    }
}
