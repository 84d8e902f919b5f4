package dev.crossroads.parity.query;

/**
 * A search query that cannot be parsed or compiled. The message reads {@code at 14: expected a value after
 * 'status:'}, or with a problem first, {@code at 0: unknown field 'colour'; expected one of ...}, so it can be shown
 * to the user as is; {@link #position()} lets a UI put the caret there.
 */
public final class QuerySyntaxException extends RuntimeException {

    private final int position;
    private final String expected;

    /**
     * @param position 0-based character offset in the query text (the text's length when something is missing at the
     *                 end)
     * @param problem  what is wrong, when "expected ..." alone does not say it; null otherwise
     * @param expected what would have been valid there, in words
     */
    QuerySyntaxException(int position, String problem, String expected) {
        super("at " + position + ": " + (problem == null ? "" : problem + "; ") + "expected " + expected, null,
                false, false); // a user's typo, not a bug: no stack trace to fill
        this.position = position;
        this.expected = expected;
    }

    /** 0-based character offset in the query text. */
    public int position() {
        return position;
    }

    /** What was expected at {@link #position()}, in words. */
    public String expected() {
        return expected;
    }
}
