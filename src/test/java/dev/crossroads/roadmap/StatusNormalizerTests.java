package dev.crossroads.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusNormalizerTests {

    // ------------------------------------------------------------------ docs markers

    @Test
    void aPageWithoutMarkersIsAvailable() {
        assertThat(StatusNormalizer.docs(List.of())).isEqualTo(FeatureStatus.AVAILABLE);
    }

    @Test
    void betaPreviewAndExperimentalPagesArePreview() {
        assertThat(StatusNormalizer.docs(List.of(Maturity.BETA))).isEqualTo(FeatureStatus.PREVIEW);
        assertThat(StatusNormalizer.docs(List.of(Maturity.DEVELOPER_PREVIEW))).isEqualTo(FeatureStatus.PREVIEW);
        assertThat(StatusNormalizer.docs(List.of(Maturity.EXPERIMENTAL))).isEqualTo(FeatureStatus.PREVIEW);
    }

    @Test
    void deprecatedAndMaintenancePagesAreDeprecated() {
        assertThat(StatusNormalizer.docs(List.of(Maturity.DEPRECATED))).isEqualTo(FeatureStatus.DEPRECATED);
        assertThat(StatusNormalizer.docs(List.of(Maturity.MAINTENANCE))).isEqualTo(FeatureStatus.DEPRECATED);
    }

    @Test
    void deprecationOutranksAPreviewMarker() {
        assertThat(StatusNormalizer.docs(List.of(Maturity.BETA, Maturity.DEPRECATED)))
                .isEqualTo(FeatureStatus.DEPRECATED);
    }

    // ------------------------------------------------------------------ roadmap items

    @Test
    void aDeclaredBoardWordIsFinerThanTheParsersReading() {
        assertThat(StatusNormalizer.roadmap(ItemStatus.PLANNED, "declared: Status: Ideas"))
                .isEqualTo(FeatureStatus.IDEA);
        assertThat(StatusNormalizer.roadmap(ItemStatus.PLANNED, "declared: Status: Working on it"))
                .isEqualTo(FeatureStatus.IN_PROGRESS);
        assertThat(StatusNormalizer.roadmap(null, "declared: Status: Coming soon"))
                .isEqualTo(FeatureStatus.COMING_SOON);
        assertThat(StatusNormalizer.roadmap(ItemStatus.IN_PROGRESS, "declared: Status: On hold"))
                .isEqualTo(FeatureStatus.ON_HOLD);
    }

    @Test
    void aDeclaredWordNoRuleKnowsFallsBackToTheReading() {
        assertThat(StatusNormalizer.roadmap(ItemStatus.IN_PROGRESS, "declared: Status: Whenever"))
                .isEqualTo(FeatureStatus.IN_PROGRESS);
        assertThat(StatusNormalizer.roadmap(null, "declared: Status: ???")).isEqualTo(FeatureStatus.PLANNED);
    }

    @Test
    void launchedAndDroppedItemsIgnoreTheDeclaredWord() {
        assertThat(StatusNormalizer.roadmap(ItemStatus.SHIPPED, "declared: Status: Ideas"))
                .isEqualTo(FeatureStatus.AVAILABLE);
        assertThat(StatusNormalizer.roadmap(ItemStatus.DROPPED, "declared: Status: Working on it"))
                .isEqualTo(FeatureStatus.NOT_PLANNED);
    }

    @ParameterizedTest
    @CsvSource({
            "SHIPPED, AVAILABLE",
            "DONE, COMING_SOON",
            "IN_PROGRESS, IN_PROGRESS",
            "ON_HOLD, ON_HOLD",
            "DROPPED, NOT_PLANNED",
            "PLANNED, PLANNED"
    })
    void everyReadingMapsToOneStatus(ItemStatus reading, FeatureStatus status) {
        assertThat(StatusNormalizer.roadmap(reading, null)).isEqualTo(status);
        assertThat(StatusNormalizer.roadmap(reading, "checklist 3/6 done")).isEqualTo(status);
    }

    @Test
    void anItemWithNoStatusAtAllIsPlanned() {
        assertThat(StatusNormalizer.roadmap(null, null)).isEqualTo(FeatureStatus.PLANNED);
        assertThat(StatusNormalizer.roadmap(null, "on the roadmap with no checklist")).isEqualTo(FeatureStatus.PLANNED);
    }

    // ------------------------------------------------------------------ board columns

    @ParameterizedTest
    @CsvSource({
            "Ideas, IDEA",
            "Triage, IDEA",
            "Backlog, PLANNED",
            "Working on it, IN_PROGRESS",
            "Pending review, IN_PROGRESS",
            "Coming soon, COMING_SOON",
            "Shipped, AVAILABLE",
            "On hold, ON_HOLD",
            "'  WORKING ON IT  ', IN_PROGRESS",
            "🚀 Shipped, AVAILABLE",
            "Won't do, NOT_PLANNED",
            "Needs triage, IDEA"
    })
    void powertoolsBoardColumns(String column, FeatureStatus status) {
        assertThat(StatusNormalizer.board(column)).isEqualTo(status);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Someday maybe", "Archive", "🤷"})
    void anUnknownColumnIsNull(String column) {
        assertThat(StatusNormalizer.board(column)).isNull();
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   ", "\t"})
    void aBlankColumnIsNull(String column) {
        assertThat(StatusNormalizer.board(column)).isNull();
    }
}
