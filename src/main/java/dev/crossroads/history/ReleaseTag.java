package dev.crossroads.history;

import java.time.Instant;

/**
 * A release tag: its name, the commit it points at, and when it was made (the tagger's date of an annotated tag,
 * else the date of its commit).
 */
public record ReleaseTag(String name, String commitId, Instant taggedAt) {
}
