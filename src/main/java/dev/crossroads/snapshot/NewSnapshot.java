package dev.crossroads.snapshot;

import java.time.Instant;
import java.util.List;

/** Content just read from a source, with the items parsed from it, ready to be stored if it changed. */
public record NewSnapshot(String language, SourceKind source, Instant fetchedAt, String content, String contentHash,
        String etag, List<ItemFacts> items) {

    public NewSnapshot {
        items = List.copyOf(items);
    }
}
