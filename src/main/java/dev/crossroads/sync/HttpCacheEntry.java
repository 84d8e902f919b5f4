package dev.crossroads.sync;

import java.time.Instant;

/**
 * The validators and content of the last good answer for one URL (a row of {@code http_cache}), so the next request
 * can be conditional and a 304 can be parsed from what was kept. Entries read back at a run's start carry no content
 * (null): it is read only when needed ({@link HttpCache}).
 */
record HttpCacheEntry(String url, String etag, String lastModified, String contentHash, String content,
        Instant updatedAt) {
}
