package dev.crossroads.source.github;

/**
 * What a file host answered.
 *
 * @param body                null unless {@code status} is {@link Status#OK}
 * @param rateLimitRemaining  {@code X-RateLimit-Remaining} when the host sent it
 */
public record Fetched(Status status, int httpStatus, String body, String etag, String lastModified,
        Integer rateLimitRemaining) {

    public enum Status {
        OK, NOT_MODIFIED, NOT_FOUND
    }
}
