package dev.crossroads.roadmap;

import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How long reading one document may take. The parsers run on the caller's thread, so the budget is kept per thread
 * while a parse runs, and commonmark is fed through a reader that checks it: block parsing, where hostile pages
 * spend their time, reads the text as it goes, so an expired budget stops the work within one buffer of text.
 */
public final class ParseBudget {

    /** Generous for any real page; what a caller without an opinion gets. */
    public static final Duration DEFAULT = Duration.ofSeconds(10);

    private static final ThreadLocal<Running> RUNNING = new ThreadLocal<>();

    /** The parse running on a thread: when it must end, and the budget that said so. */
    record Running(long deadline, Duration budget) {

        static final Running UNBOUNDED = new Running(Long.MAX_VALUE, null);

        boolean expired() {
            return budget != null && System.nanoTime() - deadline > 0;
        }
    }

    private ParseBudget() {
    }

    /** Runs a parse with this budget (a parse already running on this thread keeps its own). */
    static <T> T within(Duration budget, Supplier<T> parse) {
        if (RUNNING.get() != null) {
            return parse.get();
        }
        RUNNING.set(new Running(System.nanoTime() + budget.toNanos(), budget));
        try {
            return parse.get();
        } finally {
            RUNNING.remove();
        }
    }

    /** The parse running on this thread; unbounded outside {@link #within}. */
    static Running current() {
        Running running = RUNNING.get();
        return running == null ? Running.UNBOUNDED : running;
    }

    /** Fails the parse running on this thread if its budget is spent; for loops of the parsers' own. */
    static void check() {
        check(current());
    }

    static void check(Running running) {
        if (running.expired()) {
            throw new ParseBudgetExceededException(running.budget());
        }
    }

    /** The text, read so that the parse stops once its budget is spent. */
    static Reader reader(String text, Running running) {
        return new Reader() {
            private final StringReader source = new StringReader(text);

            @Override
            public int read(char[] buffer, int offset, int length) throws IOException {
                check(running);
                return source.read(buffer, offset, length);
            }

            @Override
            public void close() {
                source.close();
            }
        };
    }

    /** Reading took longer than its budget: the page is refused as too costly to read, nothing of it is kept. */
    public static final class ParseBudgetExceededException extends RoadmapParseException {
        ParseBudgetExceededException(Duration budget) {
            super("reading the document took longer than its budget of " + budget.toMillis() + " ms");
        }
    }
}
