package dev.crossroads.parity;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** How alike two normalised names are, 0 to 1: Jaro-Winkler, which rewards a shared beginning as names do. */
final class Similarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private Similarity() {
    }

    /**
     * Names that differ in their numbers are different things ("Logging v1" and "Logging v2", "Event 1" and
     * "Event 2"), however alike their letters: they score 0.
     */
    static double of(String a, String b) {
        if (!sameNumbers(a, b)) {
            return 0;
        }
        return JARO_WINKLER.apply(a, b);
    }

    /** The runs of digits of a text, space separated ("logg v2 2024" → "2 2024"); empty when it has none. */
    static String numbers(String text) {
        StringBuilder runs = new StringBuilder();
        for (int i = nextDigit(text, 0); i < text.length(); i = nextDigit(text, i)) {
            if (!runs.isEmpty()) {
                runs.append(' ');
            }
            while (i < text.length() && isDigit(text.charAt(i))) {
                runs.append(text.charAt(i++));
            }
        }
        return runs.toString();
    }

    /** Whether both texts hold the same runs of digits, in order; compared in place (this runs per candidate). */
    static boolean sameNumbers(String a, String b) {
        int i = 0;
        int j = 0;
        while (true) {
            i = nextDigit(a, i);
            j = nextDigit(b, j);
            if (i == a.length() || j == b.length()) {
                return i == a.length() && j == b.length();
            }
            while (i < a.length() && j < b.length() && isDigit(a.charAt(i)) && a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
            }
            boolean aEnded = i == a.length() || !isDigit(a.charAt(i));
            boolean bEnded = j == b.length() || !isDigit(b.charAt(j));
            if (!aEnded || !bEnded) {
                return false;
            }
        }
    }

    private static int nextDigit(String text, int from) {
        int at = from;
        while (at < text.length() && !isDigit(text.charAt(at))) {
            at++;
        }
        return at;
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }
}
