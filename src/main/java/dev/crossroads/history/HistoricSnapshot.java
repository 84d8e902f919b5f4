package dev.crossroads.history;

import dev.crossroads.snapshot.NewSnapshot;

/** A source's content as it was at a commit, parsed, with the commit it was read at. */
public record HistoricSnapshot(NewSnapshot snapshot, String commitId) {
}
