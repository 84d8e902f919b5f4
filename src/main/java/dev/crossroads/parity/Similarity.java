package dev.crossroads.parity;

import org.apache.commons.text.similarity.JaroWinklerSimilarity;

/** How alike two normalised names are, 0 to 1: Jaro-Winkler, which rewards a shared beginning as names do. */
final class Similarity {

    private static final JaroWinklerSimilarity JARO_WINKLER = new JaroWinklerSimilarity();

    private Similarity() {
    }

    static double of(String a, String b) {
        return JARO_WINKLER.apply(a, b);
    }
}
