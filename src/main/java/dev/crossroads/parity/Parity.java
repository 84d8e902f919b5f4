package dev.crossroads.parity;

/** How widely a feature ships across the tracked languages. */
public enum Parity {
    /** Shipped in every tracked language. */
    UNIVERSAL,
    /** Shipped in more than one language, but not all. */
    PARTIAL,
    /** Shipped in exactly one language (of several). */
    UNIQUE,
    /** Shipped nowhere yet: only planned, in progress or proposed. */
    NONE
}
