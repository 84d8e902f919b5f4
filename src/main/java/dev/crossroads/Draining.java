package dev.crossroads;

import java.time.Duration;
import java.util.function.BooleanSupplier;

/**
 * Waiting out work under way on a clean stop: a reactive chain left running when the container shuts down goes on
 * without it and ends in errors instead of a result.
 */
public final class Draining {

    private static final long POLL_MILLIS = 10;

    private Draining() {
    }

    /**
     * Blocks the stopping thread while {@code busy} holds, at most {@code patience}; true if the work ended in time.
     * For shutdown observers only: they run on the thread that stops the application, never on an event loop.
     */
    public static boolean awaitIdle(BooleanSupplier busy, Duration patience) {
        long deadline = System.nanoTime() + patience.toNanos();
        while (busy.getAsBoolean()) {
            if (System.nanoTime() >= deadline) {
                return false;
            }
            try {
                Thread.sleep(POLL_MILLIS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return !busy.getAsBoolean();
            }
        }
        return true;
    }
}
