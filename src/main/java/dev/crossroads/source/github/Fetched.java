package dev.crossroads.source.github;

/**
 * What a file host answered.
 *
 * @param body                null unless {@code status} is {@link Status#OK}
 * @param rateLimitRemaining  {@code X-RateLimit-Remaining} when the host sent it
 * @param link                the {@code Link} header (API pages), when sent
 */
public record Fetched(Status status, int httpStatus, String body, String etag, String lastModified,
        Integer rateLimitRemaining, String link) {

    public Fetched(Status status, int httpStatus, String body, String etag, String lastModified,
            Integer rateLimitRemaining) {
        this(status, httpStatus, body, etag, lastModified, rateLimitRemaining, null);
    }

    public enum Status {
        OK, NOT_MODIFIED, NOT_FOUND
    }
}
