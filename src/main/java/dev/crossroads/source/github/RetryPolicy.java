package dev.crossroads.source.github;

import dev.crossroads.config.CrossroadsConfig;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * Bounded retries with exponential backoff and jitter (Mutiny's) on 5xx, timeouts and resets; when rate-limited,
 * one wait of the time the host asked for, if it is short enough, and never a tight loop.
 */
@ApplicationScoped
class RetryPolicy {

    private final Duration backoff;
    private final int maxAttempts;
    private final Duration maxRetryAfter;

    RetryPolicy(CrossroadsConfig config) {
        this.backoff = config.sync().backoff();
        this.maxAttempts = Math.max(1, config.sync().maxAttempts());
        this.maxRetryAfter = config.sync().maxRetryAfter();
    }

    Uni<Fetched> run(Supplier<Uni<Fetched>> attempt) {
        Uni<Fetched> withBackoff = Uni.createFrom().deferred(() -> attempt.get())
                .onFailure(f -> f instanceof FetchException e && e.retryable())
                .retry().withBackOff(backoff, backoff.multipliedBy(16)).withJitter(0.3).atMost(maxAttempts - 1L);
        return withBackoff.onFailure(f -> f instanceof FetchException e && e.retryAfter().isPresent())
                .recoverWithUni(f -> afterWaiting((FetchException) f, attempt));
    }

    private Uni<Fetched> afterWaiting(FetchException limited, Supplier<Uni<Fetched>> attempt) {
        Duration wait = limited.retryAfter().orElseThrow();
        if (wait.compareTo(maxRetryAfter) > 0) {
            return Uni.createFrom().failure(new FetchException(limited.getMessage() + "; asked to wait "
                    + wait.toSeconds() + " s, more than crossroads.sync.max-retry-after: not retrying now",
                    limited.httpStatus(), false, null, limited));
        }
        Log.infof("Rate limited (HTTP %d): waiting %d s as asked", limited.httpStatus(), wait.toSeconds());
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                .flatMap(ignored -> Uni.createFrom().deferred(() -> attempt.get()));
    }
}
