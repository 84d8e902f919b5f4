package dev.crossroads.api.graphql;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class QueryShapeTests {

    @Test
    void aLeafIsOneLevelDeep() {
        QueryShape shape = QueryShape.of("{ languages { id name } }");
        assertThat(shape.rootFields()).isEqualTo(1);
        assertThat(shape.fields()).isEqualTo(3);
        assertThat(shape.depth()).isEqualTo(2);
        assertThat(shape.matrixOnly()).isTrue();
    }

    @Test
    void fragmentsSpreadIntoFragmentsAreMeasuredOnceNotWalkedExponentially() {
        // 40 fragments each spreading the next twice: 2^40 fields if walked, measured here in microseconds
        String fragments = IntStream.range(0, 40).mapToObj(i -> "fragment F" + i + " on Query { ...F" + (i + 1)
                + " ...F" + (i + 1) + " }").collect(Collectors.joining(" "));
        QueryShape shape = QueryShape.of("{ ...F0 } " + fragments + " fragment F40 on Query { languages { id } }");
        assertThat(shape.rootFields()).isEqualTo(Integer.MAX_VALUE); // capped
        assertThat(shape.fields()).isEqualTo(2L << 40);
    }

    @Test
    void aFragmentSpreadingItselfIsRefused() {
        assertThat(QueryShape.of("{ ...F } fragment F on Query { languages { id } ...F }").parseError())
                .isEqualTo(QueryShape.FRAGMENT_CYCLE);
    }

    @Test
    void rootFieldsInsideFragmentsCountAsRootFields() {
        String aliases = IntStream.range(0, 30).mapToObj(i -> "a" + i + ": sources { language }")
                .collect(Collectors.joining(" "));
        QueryShape shape = QueryShape.of("{ ...F } fragment F on Query { " + aliases + " }");
        assertThat(shape.rootFields()).isEqualTo(30);
        assertThat(shape.matrixOnly()).isFalse();
    }

    @Test
    void mutationsAndDatabaseFieldsAreNotMatrixOnly() {
        assertThat(QueryShape.of("mutation { triggerSync { id } }").matrixOnly()).isFalse();
        assertThat(QueryShape.of("{ languages { id } sources { language } }").matrixOnly()).isFalse();
        assertThat(QueryShape.of("{ parityMatrix { dataVersion } features { totalCount } }").matrixOnly()).isTrue();
    }
}
