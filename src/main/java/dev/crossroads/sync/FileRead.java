package dev.crossroads.sync;

import io.vertx.core.buffer.Buffer;

/**
 * One file as read for a sync.
 *
 * @param content     the current text; null when not found, and after a 304 until the source needs it
 *                    ({@link HttpCache#withContent})
 * @param utf8        the current text as it is stored and was hashed, its UTF-8 bytes (most often those received),
 *                    when read now; null with no content, and for a copy read back from the cache
 * @param contentHash SHA-256 of the current text, computed once where the file is read (or kept from then); null when
 *                    not found
 * @param changed     false when the host answered 304 or sent the same bytes as last time
 * @param cacheUpdate validators and content to remember for the next conditional request, or null
 */
record FileRead(String location, String content, Buffer utf8, String contentHash, boolean changed, boolean notFound,
        int httpStatus, Integer rateLimitRemaining, HttpCacheEntry cacheUpdate) {

    /** Answered 304: the text is the copy kept in the cache, not read yet. */
    boolean contentKeptElsewhere() {
        return content == null && !notFound;
    }

    FileRead withContent(String text) {
        return new FileRead(location, text, null, contentHash, changed, notFound, httpStatus, rateLimitRemaining,
                cacheUpdate);
    }
}
