package dev.crossroads.sync;

/**
 * One file as read for a sync.
 *
 * @param content     the current text (from the host, or from the cache after a 304); null when not found
 * @param contentHash SHA-256 of {@code content}, computed once where the file is read; null when not found
 * @param changed     false when the host answered 304 or sent the same bytes as last time
 * @param cacheUpdate validators and content to remember for the next conditional request, or null
 */
record FileRead(String location, String content, String contentHash, boolean changed, boolean notFound, int httpStatus,
        Integer rateLimitRemaining, HttpCacheEntry cacheUpdate) {
}
