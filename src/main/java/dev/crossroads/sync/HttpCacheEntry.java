package dev.crossroads.sync;

import java.time.Instant;

/**
 * The validators and content of the last good answer for one URL (a row of {@code http_cache}), so the next request
 * can be conditional and a 304 can be parsed from what was kept.
 */
record HttpCacheEntry(String url, String etag, String lastModified, String contentHash, String content,
        Instant updatedAt) {
}
