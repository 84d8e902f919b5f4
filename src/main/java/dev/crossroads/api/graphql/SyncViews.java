package dev.crossroads.api.graphql;

import dev.crossroads.snapshot.ChangeEvent;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.sync.SourceResult;
import dev.crossroads.sync.SyncQueryService.RunWithResults;
import dev.crossroads.sync.SyncQueryService.SourceState;
import dev.crossroads.sync.SyncRun;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL shapes of the sync's state and history. */
public final class SyncViews {

    private SyncViews() {
    }

    static SourceView of(SourceState state, Instant now, Duration staleAfter) {
        Long staleSeconds = state.lastSuccessAt() == null ? null
                : Duration.between(state.lastSuccessAt(), now).toSeconds();
        boolean stale = staleSeconds == null || staleSeconds > staleAfter.toSeconds();
        return new SourceView(state.language(), state.source(), state.latest() == null ? null : of(state.latest()),
                state.lastSuccessAt(), staleSeconds, stale);
    }

    static SourceResultView of(SourceResult r) {
        return new SourceResultView(r.language, r.source, r.status, r.httpStatus, r.message, r.durationMs,
                r.rateLimitRemaining, r.snapshotId != null, r.finishedAt);
    }

    static SyncRunView of(RunWithResults run) {
        SyncRun r = run.run();
        return new SyncRunView(String.valueOf(r.id), r.trigger, r.replica, r.startedAt, r.finishedAt, r.outcome,
                r.requestedLanguage, r.requestedSource, run.results().stream().map(SyncViews::of).toList());
    }

    static ChangeView of(ChangeEvent e) {
        return new ChangeView(String.valueOf(e.id), e.occurredAt, e.language, e.source, e.itemKey, e.title, e.kind,
                e.oldValue, e.newValue);
    }

    @Type("Source")
    @Description("One thing Crossroads reads for a language, and how its last sync went.")
    public record SourceView(@NonNull String language, @NonNull SourceKind kind,
            @Description("The newest result, failed or not; null before the first sync.") SourceResultView latest,
            @Description("When it was last read successfully.") Instant lastSuccessAt,
            @Description("Seconds since the last successful read; null if never.") Long staleSeconds,
            @Description("Never read successfully, or not for three sync intervals: what it says may be out of date.")
            boolean stale) {
    }

    @Type("SourceResult")
    @Description("What one source answered in one run.")
    public record SourceResultView(@NonNull String language, @NonNull SourceKind kind,
            @NonNull SourceResult.Status status, Integer httpStatus,
            @Description("What happened, in words: item counts, or why it failed.") String message,
            long durationMs, Integer rateLimitRemaining,
            @Description("Whether this result stored a new snapshot.") boolean storedSnapshot,
            @NonNull Instant finishedAt) {
    }

    @Type("SyncRun")
    @Description("One sync run and the results of its sources.")
    public record SyncRunView(@Id @NonNull String id, @NonNull SyncRun.Trigger trigger, @NonNull String replica,
            @NonNull Instant startedAt, Instant finishedAt, @NonNull SyncRun.Outcome outcome,
            String requestedLanguage, String requestedSource, @NonNull List<@NonNull SourceResultView> results) {
    }

    @Type("Change")
    @Description("One change to one item between two snapshots of a source.")
    public record ChangeView(@Id @NonNull String id, @NonNull Instant occurredAt, @NonNull String language,
            @NonNull SourceKind source, @NonNull @Description("The item's stable key within its source.") String itemKey,
            @NonNull String title, @NonNull ChangeEvent.Kind kind, String oldValue, String newValue) {
    }

    @Type("ChangeEdge")
    public record ChangeEdge(@NonNull String cursor, @NonNull ChangeView node) {
    }

    @Type("PageInfo")
    public record PageInfo(boolean hasNextPage, String endCursor) {
    }

    @Type("ChangeConnection")
    @Description("A page of changes, oldest first; pass `pageInfo.endCursor` as `after` for the next page.")
    public record ChangeConnection(@NonNull List<@NonNull ChangeEdge> edges, @NonNull PageInfo pageInfo) {
    }
}
