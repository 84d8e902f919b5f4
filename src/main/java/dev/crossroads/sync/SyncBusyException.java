package dev.crossroads.sync;

/** A sync is already running, here or on another replica. */
public class SyncBusyException extends RuntimeException {

    public SyncBusyException(String holder) {
        super("a sync is already running" + (holder == null ? "" : " on " + holder) + "; try again when it ends");
    }
}
