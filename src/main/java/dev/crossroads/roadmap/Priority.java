package dev.crossroads.roadmap;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Roadmap priority as the pages write it: {@code (p0)} … {@code (P3)}, most urgent first. */
public enum Priority {
    P0, P1, P2, P3;

    /** A priority marker at the end of a heading, in either case and in round or square brackets. */
    static final Pattern SUFFIX = Pattern.compile("\\s*[(\\[]\\s*[pP]([0-3])\\s*[)\\]]\\s*$");

    /** The priority a heading text ends with, if any. */
    static Optional<Priority> fromSuffix(String text) {
        Matcher m = SUFFIX.matcher(text);
        return m.find() ? Optional.of(values()[m.group(1).charAt(0) - '0']) : Optional.empty();
    }

    /** The text without its priority suffix. */
    static String stripSuffix(String text) {
        return SUFFIX.matcher(text).replaceFirst("");
    }
}
