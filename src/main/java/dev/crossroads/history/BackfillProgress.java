package dev.crossroads.history;

import io.vertx.mutiny.sqlclient.Row;
import java.time.Instant;

/**
 * Where one language's history backfill stands: the newest commit read, commits done of the total this run walks,
 * snapshots stored (all runs), requests made (GitHub), and how it ended.
 */
public record BackfillProgress(String language, State state, String lastCommit, Instant lastCommitAt,
        int commitsDone, int commitsTotal, int snapshots, int requests, String message, Long runId,
        Instant startedAt, Instant updatedAt, Instant finishedAt) {

    /** RUNNING while it walks, DONE when it reached the end, FAILED when it stopped on an error (it resumes). */
    public enum State {
        RUNNING, DONE, FAILED
    }

    static BackfillProgress of(Row row) {
        Long runId = row.getLong("run_id");
        return new BackfillProgress(row.getString("language"), State.valueOf(row.getString("state")),
                row.getString("last_commit"), HistoryRecorder.instant(row, "last_commit_at"),
                row.getInteger("commits_done"), row.getInteger("commits_total"), row.getInteger("snapshots"),
                row.getInteger("requests"), row.getString("message"), runId,
                HistoryRecorder.instant(row, "started_at"), HistoryRecorder.instant(row, "updated_at"),
                HistoryRecorder.instant(row, "finished_at"));
    }

    BackfillProgress with(State state, String lastCommit, Instant lastCommitAt, int done, int requests,
            String message, Instant finishedAt) {
        return new BackfillProgress(language, state, lastCommit, lastCommitAt, done, commitsTotal, snapshots, requests,
                message, runId, startedAt, Instant.now(), finishedAt);
    }
}
