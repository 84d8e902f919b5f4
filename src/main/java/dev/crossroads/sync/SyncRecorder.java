package dev.crossroads.sync;

import dev.crossroads.snapshot.SnapshotService;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Writes what a source produced: its result, its snapshot (if new) and its validators, in one transaction on a
 * stateless session (bulk ingestion: each row is written once, so a persistence context would be pure overhead).
 */
@ApplicationScoped
class SyncRecorder {

    private final SnapshotService snapshots;
    private final Mutiny.SessionFactory sessions;

    SyncRecorder(SnapshotService snapshots, Mutiny.SessionFactory sessions) {
        this.snapshots = snapshots;
        this.sessions = sessions;
    }

    Uni<SourceResult> record(long runId, SourceOutcome outcome) {
        return sessions.withStatelessTransaction(session -> storeSnapshot(session, outcome).flatMap(snapshotId -> {
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
            return upsertCache(session, outcome.cacheUpdates())
                    .flatMap(ignored -> session.insert(result))
                    .replaceWith(result);
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

    private Uni<Long> storeSnapshot(Mutiny.StatelessSession session, SourceOutcome outcome) {
        return outcome.snapshot() == null ? Uni.createFrom().nullItem()
                : snapshots.storeIfChanged(session, outcome.snapshot());
    }

    /**
     * Cache entries have natural keys and may exist already: one multi-row upsert per source, in the source's
     * transaction (a merge per entry would cost a SELECT and an UPDATE each).
     */
    private static Uni<Void> upsertCache(Mutiny.StatelessSession session, List<HttpCacheEntry> entries) {
        if (entries.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        StringBuilder sql = new StringBuilder(
                "INSERT INTO http_cache (url, etag, last_modified, content_hash, content, updated_at) VALUES ");
        for (int i = 0; i < entries.size(); i++) {
            int p = i * 6;
            sql.append(i == 0 ? "" : ", ").append(String.format("(?%d, ?%d, ?%d, ?%d, ?%d, ?%d)", p + 1, p + 2, p + 3,
                    p + 4, p + 5, p + 6));
        }
        sql.append(" ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,"
                + " content_hash = excluded.content_hash, content = excluded.content, updated_at = excluded.updated_at");
        Mutiny.Query<Object> query = session.createNativeQuery(sql.toString());
        for (int i = 0; i < entries.size(); i++) {
            HttpCacheEntry entry = entries.get(i);
            int p = i * 6;
            query.setParameter(p + 1, entry.url);
            query.setParameter(p + 2, entry.etag);
            query.setParameter(p + 3, entry.lastModified);
            query.setParameter(p + 4, entry.contentHash);
            query.setParameter(p + 5, entry.content);
            query.setParameter(p + 6, entry.updatedAt);
        }
        return query.executeUpdate().replaceWithVoid();
    }
}
