package dev.crossroads.source.github;

/**
 * What a file host answered.
 *
 * @param body                null unless {@code status} is {@link Status#OK}
 * @param bytes               the body as received (decompressed), from which {@code body} was decoded as UTF-8;
 *                            null when {@code body} is
 * @param rateLimitRemaining  {@code X-RateLimit-Remaining} when the host sent it
 * @param link                the {@code Link} header (API pages), when sent
 */
public record Fetched(Status status, int httpStatus, String body, byte[] bytes, String etag, String lastModified,
        Integer rateLimitRemaining, String link) {

    public Fetched(Status status, int httpStatus, String body, byte[] bytes, String etag, String lastModified,
            Integer rateLimitRemaining) {
        this(status, httpStatus, body, bytes, etag, lastModified, rateLimitRemaining, null);
    }

    public enum Status {
        OK, NOT_MODIFIED, NOT_FOUND
    }
}
