package dev.crossroads.snapshot;

import java.time.Instant;

/**
 * The counter that moves whenever a sync stores a snapshot or curation changes, and when it last moved. Both come
 * from the database, so every replica serving a version describes it the same way.
 */
public record DataVersion(long version, Instant changedAt) {
}
