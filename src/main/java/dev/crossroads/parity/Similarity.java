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
        if (!digits(a).equals(digits(b))) {
            return 0;
        }
        return JARO_WINKLER.apply(a, b);
    }

    private static String digits(String text) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            } else if (!digits.isEmpty() && digits.charAt(digits.length() - 1) != ' ') {
                digits.append(' ');
            }
        }
        return digits.toString().strip();
    }
}
