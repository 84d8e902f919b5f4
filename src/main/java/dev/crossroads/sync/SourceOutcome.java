package dev.crossroads.sync;

import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.snapshot.SourceKind;
import io.vertx.core.buffer.Buffer;
import java.util.List;

/**
 * What reading one source produced, before anything is written.
 *
 * @param snapshot     content to store if it changed; null when nothing new was read (304s, failure, skip)
 * @param snapshotUtf8 the snapshot's text as it is stored, its UTF-8 bytes, when known where the snapshot was made
 *                     (hashed from them, or received as them): null has the recorder encode the text
 * @param cacheUpdates validators to remember, written in the same transaction as the result
 */
record SourceOutcome(String language, SourceKind source, SourceResult.Status status, Integer httpStatus,
        String message, long durationMs, Integer rateLimitRemaining, NewSnapshot snapshot, Buffer snapshotUtf8,
        List<HttpCacheEntry> cacheUpdates) {

    /** An outcome with nothing new to store. */
    SourceOutcome(String language, SourceKind source, SourceResult.Status status, Integer httpStatus, String message,
            long durationMs, Integer rateLimitRemaining, List<HttpCacheEntry> cacheUpdates) {
        this(language, source, status, httpStatus, message, durationMs, rateLimitRemaining, null, null, cacheUpdates);
    }

    static SourceOutcome failed(String language, SourceKind source, Integer httpStatus, String message,
            long durationMs) {
        return new SourceOutcome(language, source, SourceResult.Status.FAILED, httpStatus, message, durationMs, null,
                List.of());
    }
}
