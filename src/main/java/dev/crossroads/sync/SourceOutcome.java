package dev.crossroads.sync;

import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.snapshot.SourceKind;
import java.util.List;

/**
 * What reading one source produced, before anything is written.
 *
 * @param snapshot     content to store if it changed; null when nothing new was read (304s, failure, skip)
 * @param cacheUpdates validators to remember, written in the same transaction as the result
 */
record SourceOutcome(String language, SourceKind source, SourceResult.Status status, Integer httpStatus,
        String message, long durationMs, Integer rateLimitRemaining, NewSnapshot snapshot,
        List<HttpCacheEntry> cacheUpdates) {

    static SourceOutcome failed(String language, SourceKind source, Integer httpStatus, String message,
            long durationMs) {
        return new SourceOutcome(language, source, SourceResult.Status.FAILED, httpStatus, message, durationMs, null,
                null, List.of());
    }
}
