package dev.crossroads.sync;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
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
class SyncRunLog {

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

    Uni<SyncRun> close(SyncRun run, SyncRun.Outcome outcome) {
        Instant finishedAt = Instant.now();
        // only a run still RUNNING: one closed meanwhile (as abandoned, or on stop) was closed as FAILED and stays so
        return pool.preparedQuery("UPDATE sync_run SET outcome = $2, finished_at = $3 WHERE id = $1"
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
