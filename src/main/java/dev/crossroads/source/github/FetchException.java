package dev.crossroads.source.github;

import java.time.Duration;
import java.util.Optional;

/**
 * A fetch that failed, with what a caller needs to decide what next: whether trying again may help, and how long
 * the host asked us to wait.
 */
public class FetchException extends RuntimeException {

    private final int httpStatus;
    private final boolean retryable;
    private final Duration retryAfter;

    public FetchException(String message, int httpStatus, boolean retryable, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.retryable = retryable;
        this.retryAfter = retryAfter;
    }

    static FetchException permanent(String message, int httpStatus) {
        return new FetchException(message, httpStatus, false, null, null);
    }

    static FetchException transientFailure(String message, int httpStatus, Throwable cause) {
        return new FetchException(message, httpStatus, true, null, cause);
    }

    static FetchException rateLimited(String message, int httpStatus, Duration retryAfter) {
        return new FetchException(message, httpStatus, false, retryAfter, null);
    }

    /** 0 when no HTTP answer came (timeout, reset, refused). */
    public int httpStatus() {
        return httpStatus;
    }

    /** 5xx, timeouts and resets: worth another attempt after a backoff. */
    public boolean retryable() {
        return retryable;
    }

    /** Set when the host rate-limited us and said (or implied) how long to wait. */
    public Optional<Duration> retryAfter() {
        return Optional.ofNullable(retryAfter);
    }
}
