package dev.crossroads.parity;

/** Two sources of one language say different things about a feature. */
public record Disagreement(Kind kind, String message) {

    public enum Kind {
        /** The docs ship it, but its roadmap item is not ticked off. */
        DOCS_AHEAD_OF_ROADMAP,
        /** The docs ship it, but its board item is not Shipped. */
        DOCS_AHEAD_OF_BOARD,
        /** The roadmap or board says launched, but no docs page documents it. */
        LAUNCHED_WITHOUT_DOCS,
        /** The docs nav and the home page's features table name it differently. */
        NAV_TABLE_NAMES_DIFFER
    }
}
