package dev.crossroads.roadmap;

import java.util.ArrayList;
import java.util.List;

/**
 * A cheap pass over the raw text before commonmark sees it: a line that opens more than {@link #MAX_DEPTH} block
 * containers at once ({@code - - - - … x}, {@code > > > … x}) is read as if it opened only that many. commonmark-java
 * rechecks the rest of such a line for a thematic break at every level, so 100,000 markers on one line cost it
 * minutes of CPU; no real page nests a dozen. Line count and text are kept; each flattened line is warned about.
 */
final class Nesting {

    static final int MAX_DEPTH = 32;

    private Nesting() {
    }

    /** The text to parse, and what was flattened. */
    record Flattened(String text, List<ParseWarning> warnings) {
    }

    static Flattened flatten(String markdown) {
        StringBuilder out = null;
        List<ParseWarning> warnings = new ArrayList<>();
        int lineStart = 0;
        int lineNumber = 1;
        while (lineStart <= markdown.length()) {
            int lineEnd = markdown.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = markdown.length();
            }
            int[] cut = surplus(markdown, lineStart, lineEnd);
            if (cut != null) {
                if (out == null) {
                    out = new StringBuilder(markdown.length()).append(markdown, 0, lineStart);
                }
                out.append(markdown, lineStart, cut[0]).append(markdown, cut[1], lineEnd);
                warnings.add(new ParseWarning(lineNumber, "line opens " + cut[2] + " nested lists or quotes at once;"
                        + " read as " + MAX_DEPTH));
            } else if (out != null) {
                out.append(markdown, lineStart, lineEnd);
            }
            if (lineEnd < markdown.length() && out != null) {
                out.append('\n');
            }
            lineStart = lineEnd + 1;
            lineNumber++;
        }
        return new Flattened(out == null ? markdown : out.toString(), warnings);
    }

    /**
     * Where a line's container markers past {@link #MAX_DEPTH} start and end, and how many it has; null when it has
     * no more than that. Linear in the line.
     */
    private static int[] surplus(String text, int from, int to) {
        int at = from;
        int depth = 0;
        int keepUntil = -1;
        while (true) {
            while (at < to && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) {
                at++;
            }
            int marker = markerLength(text, at, to);
            if (marker == 0) {
                break;
            }
            depth++;
            at += marker;
            if (depth == MAX_DEPTH) {
                keepUntil = at;
            }
        }
        return depth > MAX_DEPTH ? new int[] {keepUntil, at, depth} : null;
    }

    /** The length of a block quote, bullet or ordered-list marker at {@code at} (with its space), else 0. */
    private static int markerLength(String text, int at, int to) {
        if (at >= to) {
            return 0;
        }
        char c = text.charAt(at);
        if (c == '>') {
            return 1;
        }
        if ((c == '-' || c == '*' || c == '+') && at + 1 < to && (text.charAt(at + 1) == ' '
                || text.charAt(at + 1) == '\t')) {
            return 2;
        }
        int digits = 0;
        while (at + digits < to && digits < 9 && Character.isDigit(text.charAt(at + digits))) {
            digits++;
        }
        if (digits > 0 && at + digits + 1 < to && (text.charAt(at + digits) == '.' || text.charAt(at + digits) == ')')
                && text.charAt(at + digits + 1) == ' ') {
            return digits + 2;
        }
        return 0;
    }
}
