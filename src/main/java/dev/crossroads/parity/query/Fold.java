package dev.crossroads.parity.query;

/**
 * Case-insensitive matching without allocating per row: query values are folded once at compile time, row strings
 * are folded a char at a time while comparing. Folding is per char (upper then lower, as
 * {@link String#regionMatches(boolean, int, String, int, int)} does), so it never changes a string's length the way
 * {@link String#toLowerCase()} can (e.g. for 'İ').
 */
final class Fold {

    private Fold() {
    }

    static char fold(char c) {
        if (c < 128) { // most text is ASCII: skip the Unicode tables
            return c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
        }
        return Character.toLowerCase(Character.toUpperCase(c));
    }

    /** The query-side value, folded once. */
    static String fold(String s) {
        char[] chars = s.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = fold(chars[i]);
        }
        return new String(chars);
    }

    /** Whether {@code haystack} (as stored, may be null) contains {@code folded} (already folded), ignoring case. */
    static boolean contains(String haystack, String folded) {
        if (haystack == null) {
            return false;
        }
        int n = folded.length();
        if (n == 0) {
            return true;
        }
        char first = folded.charAt(0);
        int last = haystack.length() - n;
        outer:
        for (int i = 0; i <= last; i++) {
            if (fold(haystack.charAt(i)) != first) {
                continue;
            }
            for (int j = 1; j < n; j++) {
                if (fold(haystack.charAt(i + j)) != folded.charAt(j)) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /** Whether {@code s} (as stored, may be null) equals {@code folded} (already folded), ignoring case. */
    static boolean equals(String s, String folded) {
        if (s == null || s.length() != folded.length()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (fold(s.charAt(i)) != folded.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
