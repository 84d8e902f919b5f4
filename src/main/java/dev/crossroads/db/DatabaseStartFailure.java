package dev.crossroads.db;

/**
 * The embedded database cannot start for a reason the operator can fix. The message is the whole report, one line
 * saying what is wrong and what to do, so it is logged without a stack trace.
 */
public final class DatabaseStartFailure extends RuntimeException {

    public DatabaseStartFailure(String message) {
        super(message);
    }

    public DatabaseStartFailure(String message, Throwable cause) {
        super(message, cause);
    }
}
