package dev.crossroads.sync;

import io.vertx.core.buffer.Buffer;
import java.time.Instant;

/**
 * The validators and content of the last good answer for one URL (a row of {@code http_cache}), so the next request
 * can be conditional and a 304 can be parsed from what was kept. Entries read back at a run's start carry no content
 * (null): it is read only when needed ({@link HttpCache}).
 *
 * @param content the text as it is stored: its UTF-8 bytes, most often the very bytes received
 *                ({@link dev.crossroads.db.StoredText})
 */
record HttpCacheEntry(String url, String etag, String lastModified, String contentHash, Buffer content,
        Instant updatedAt) {
}
