package dev.crossroads.parity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SimilarityTests {

    @Test
    void namesThatDifferOnlyInTheirNumbersAreDifferentThings() {
        assertThat(Similarity.of("logg v1", "logg v2")).isZero();
        assertThat(Similarity.of("alpha 00001", "alpha 00002")).isZero();
    }

    @Test
    void alikeNamesWithTheSameNumbersStillScoreHigh() {
        assertThat(Similarity.of("metric v2", "metrics v2")).isGreaterThan(0.94);
        assertThat(Similarity.of("event sourc data class", "event source data class")).isGreaterThan(0.94);
    }

    @Test
    void numbersAreComparedAsRuns() {
        assertThat(Similarity.sameNumbers("logg v12", "logg v12")).isTrue();
        assertThat(Similarity.sameNumbers("logg v12", "logg v1 2")).isFalse();
        assertThat(Similarity.sameNumbers("logg v1", "logg v12")).isFalse();
        assertThat(Similarity.sameNumbers("logg", "logg v1")).isFalse();
        assertThat(Similarity.sameNumbers("a1b2", "x1y2")).isTrue();
        assertThat(Similarity.sameNumbers("metric", "metrics")).isTrue();
        assertThat(Similarity.numbers("logg v2 2024")).isEqualTo("2 2024");
        assertThat(Similarity.numbers("logg")).isEmpty();
    }

    @Test
    void unrelatedNamesScoreLow() {
        assertThat(Similarity.of("idempotency", "tracer")).isLessThan(0.6);
    }
}
