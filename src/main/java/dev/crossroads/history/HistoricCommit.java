package dev.crossroads.history;

import java.time.Instant;

/** One commit of a tracked branch's first-parent history: its id and when it was committed. */
public record HistoricCommit(String id, Instant committedAt) {
}
