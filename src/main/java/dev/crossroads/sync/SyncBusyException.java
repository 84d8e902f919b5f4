package dev.crossroads.sync;

import java.time.Instant;
import java.util.Optional;

/** A sync is already running, here or on another replica. */
public class SyncBusyException extends RuntimeException {

    private final String holder;
    private final transient Instant until;

    public SyncBusyException(String holder) {
        this(holder, null);
    }

    /** {@code until}: when the holder's lease runs out unless renewed (null when not known). */
    public SyncBusyException(String holder, Instant until) {
        super("a sync is already running" + (holder == null ? "" : " on " + holder) + "; try again when it ends");
        this.holder = holder;
        this.until = until;
    }

    public Optional<String> holder() {
        return Optional.ofNullable(holder);
    }

    public Optional<Instant> until() {
        return Optional.ofNullable(until);
    }
}
