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
    void unrelatedNamesScoreLow() {
        assertThat(Similarity.of("idempotency", "tracer")).isLessThan(0.6);
    }
}
