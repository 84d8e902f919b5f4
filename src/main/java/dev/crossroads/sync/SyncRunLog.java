package dev.crossroads.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;

/**
 * Opens and closes the {@code sync_run} row of a run, each in one statement: they sit on either side of every sync,
 * on its critical path, where an entity transaction cost three or four round trips. Reads go through the entity.
 */
@ApplicationScoped
public class SyncRunLog {

    private final Pool pool;

    SyncRunLog(Pool pool) {
        this.pool = pool;
    }

    Uni<SyncRun> open(SyncRequest request, String replica) {
        SyncRun run = new SyncRun();
        run.trigger = request.trigger();
        run.requestedLanguage = request.language().orElse(null);
        run.requestedSource = request.describeSources();
        run.replica = replica;
        run.startedAt = Instant.now();
        run.outcome = SyncRun.Outcome.RUNNING;
        return pool.preparedQuery("INSERT INTO sync_run (trigger, requested_language, requested_source, replica,"
                        + " started_at, outcome) VALUES ($1, $2, $3, $4, $5, $6) RETURNING id")
                .execute(Tuple.from(Arrays.asList(run.trigger.name(), run.requestedLanguage, run.requestedSource,
                        run.replica, run.startedAt.atOffset(ZoneOffset.UTC), run.outcome.name())))
                .map(rows -> {
                    run.id = rows.iterator().next().getLong("id");
                    return run;
                });
    }

    /**
     * A run that is recorded once it has ended (a history backfill, which runs in slices between syncs: a RUNNING row
     * would be closed as abandoned by the next sync), with what each of its sources did.
     */
    public Uni<Long> recordEnded(SyncRun.Trigger trigger, String language, String replica, Instant startedAt,
            SyncRun.Outcome outcome, java.util.List<SourceResult> results) {
        return pool.withTransaction(sql -> sql.preparedQuery("INSERT INTO sync_run (trigger, requested_language,"
                        + " requested_source, replica, started_at, finished_at, outcome)"
                        + " VALUES ($1, $2, NULL, $3, $4, now(), $5) RETURNING id")
                .execute(Tuple.of(trigger.name(), language, replica, startedAt.atOffset(ZoneOffset.UTC),
                        outcome.name()))
                .map(rows -> rows.iterator().next().getLong("id"))
                .call(id -> results.isEmpty() ? Uni.createFrom().voidItem() : sql.preparedQuery(
                        "INSERT INTO source_result (run_id, language, source, status, http_status, message,"
                        + " duration_ms, rate_limit_remaining, snapshot_id, finished_at)"
                        + " VALUES ($1, $2, $3, $4, NULL, $5, $6, NULL, $7, now())")
                        .executeBatch(results.stream().map(r -> Tuple.from(Arrays.asList(id, r.language,
                                r.source.name(), r.status.name(), r.message, r.durationMs, r.snapshotId))).toList())
                        .replaceWithVoid()));
    }

    Uni<SyncRun> close(SyncRun run, SyncRun.Outcome outcome) {
        return close(pool, run, outcome);
    }

    /** {@link #close(SyncRun, SyncRun.Outcome)} through {@code client} (a connection, to run it beside others). */
    Uni<SyncRun> close(SqlClient client, SyncRun run, SyncRun.Outcome outcome) {
        Instant finishedAt = Instant.now();
        // only a run still RUNNING: one closed meanwhile (as abandoned, or on stop) was closed as FAILED and stays so
        return client.preparedQuery("UPDATE sync_run SET outcome = $2, finished_at = $3 WHERE id = $1"
                        + " AND outcome = 'RUNNING'")
                .execute(Tuple.of(run.id, outcome.name(), finishedAt.atOffset(ZoneOffset.UTC)))
                .map(rows -> {
                    if (rows.rowCount() == 1) {
                        run.outcome = outcome;
                        run.finishedAt = finishedAt;
                    } else {
                        run.outcome = SyncRun.Outcome.FAILED;
                    }
                    return run;
                });
    }
}
