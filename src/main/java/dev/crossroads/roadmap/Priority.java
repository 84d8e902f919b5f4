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
        if (!mayHaveSuffix(text)) {
            return Optional.empty();
        }
        Matcher m = SUFFIX.matcher(text);
        return m.find() ? Optional.of(values()[m.group(1).charAt(0) - '0']) : Optional.empty();
    }

    /** The text without its priority suffix. */
    static String stripSuffix(String text) {
        return mayHaveSuffix(text) ? SUFFIX.matcher(text).replaceFirst("") : text;
    }

    /** Cheap pre-check: most headings end in a letter, and the pattern needs a closing bracket. */
    private static boolean mayHaveSuffix(String text) {
        String trimmed = text.stripTrailing();
        return !trimmed.isEmpty() && (trimmed.charAt(trimmed.length() - 1) == ')'
                || trimmed.charAt(trimmed.length() - 1) == ']');
    }
}
