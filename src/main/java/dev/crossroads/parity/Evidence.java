package dev.crossroads.parity;

import dev.crossroads.snapshot.SourceKind;
import java.time.Instant;

/**
 * What a cell's status rests on: one item of one source.
 *
 * @param url        the GitHub page of the docs file, the roadmap line or the board item; null when unknown
 * @param text       the item as read: its title and its status in the source's own words
 * @param observedAt when Crossroads last saw it so
 */
public record Evidence(SourceKind source, String url, String text, Instant observedAt) {
}
