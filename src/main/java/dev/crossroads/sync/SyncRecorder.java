package dev.crossroads.sync;

import dev.crossroads.snapshot.SnapshotService;
import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Writes what a source produced: its result, its snapshot (if new) and its validators, in one transaction. */
@ApplicationScoped
class SyncRecorder {

    private final SnapshotService snapshots;

    SyncRecorder(SnapshotService snapshots) {
        this.snapshots = snapshots;
    }

    Uni<SourceResult> record(long runId, SourceOutcome outcome) {
        return Panache.withTransaction(() -> storeSnapshot(outcome).flatMap(snapshotId -> {
            SourceResult result = new SourceResult();
            result.runId = runId;
            result.language = outcome.language();
            result.source = outcome.source();
            result.status = outcome.snapshot() == null ? outcome.status()
                    : snapshotId == null ? SourceResult.Status.UNCHANGED : SourceResult.Status.FETCHED;
            result.httpStatus = outcome.httpStatus() == null || outcome.httpStatus() == 0 ? null : outcome.httpStatus();
            result.message = outcome.message();
            result.durationMs = outcome.durationMs();
            result.rateLimitRemaining = outcome.rateLimitRemaining();
            result.snapshotId = snapshotId;
            result.finishedAt = Instant.now();
            List<Object> rows = new ArrayList<>(outcome.cacheUpdates());
            rows.add(result);
            return Panache.getSession().flatMap(session -> mergeAll(session, rows)).replaceWith(result);
        })).onFailure().invoke(e -> Log.errorf(e, "Could not record %s %s", outcome.language(), outcome.source()));
    }

    /**
     * When a source's transaction was rolled back, records at least that it failed and why, in a transaction of its
     * own and without any of its data.
     */
    Uni<SourceResult> recordFailure(long runId, SourceOutcome outcome, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        SourceOutcome failed = SourceOutcome.failed(outcome.language(), outcome.source(), outcome.httpStatus(),
                "read, but could not be stored: " + reason.lines().findFirst().orElse(reason), outcome.durationMs());
        return record(runId, failed);
    }

    private Uni<Long> storeSnapshot(SourceOutcome outcome) {
        return outcome.snapshot() == null ? Uni.createFrom().nullItem() : snapshots.storeIfChanged(outcome.snapshot());
    }

    /** Cache entries have natural keys and may exist already: merge, do not insert. */
    private static Uni<Void> mergeAll(org.hibernate.reactive.mutiny.Mutiny.Session session, List<Object> rows) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (Object row : rows) {
            chain = chain.flatMap(ignored -> row instanceof SourceResult ? session.persist(row)
                    : session.merge(row).replaceWithVoid());
        }
        return chain;
    }
}
