package dev.crossroads.roadmap;

import java.util.regex.Pattern;

/**
 * The top of a page, cut where a block may end, for readers that only look at a page's first blocks (a docs page's
 * title and maturity markers): parsing a whole 40 KB page to read its first dozen blocks is work thrown away, once
 * per page in a sync and once per page version in a history backfill.
 *
 * <p>Markdown's block structure is decided line by line, front to back, so the blocks that closed before the cut are
 * the same as in the whole page. Only inline text can depend on what follows: a reference link {@code [text][ref]}
 * resolves against a definition anywhere in the page, so a page that defines a reference after the cut is read whole.
 */
final class PageLead {

    /** A link reference definition, {@code [label]: destination}, at the start of a line. */
    private static final Pattern REFERENCE_DEFINITION = Pattern.compile("(?m)^ {0,3}\\[[^\\]\\n]+\\]:");

    private PageLead() {
    }

    /**
     * The page up to the first blank line at or after {@code atLeast} characters, or the whole page when it has no
     * such line or defines a link reference after it.
     */
    static String of(String page, int atLeast) {
        if (page.length() <= atLeast) {
            return page;
        }
        int cut = blankLineFrom(page, atLeast);
        if (cut < 0 || REFERENCE_DEFINITION.matcher(page).region(cut, page.length()).find()) {
            return page;
        }
        return page.substring(0, cut);
    }

    /** Index just after a line break that ends an empty (or all-blank) line at or after {@code from}, or -1. */
    private static int blankLineFrom(String page, int from) {
        int lineStart = page.lastIndexOf('\n', from - 1) + 1;
        while (lineStart < page.length()) {
            int lineEnd = page.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                return -1;
            }
            if (lineStart >= from && page.substring(lineStart, lineEnd).isBlank()) {
                return lineEnd + 1;
            }
            lineStart = lineEnd + 1;
        }
        return -1;
    }
}
