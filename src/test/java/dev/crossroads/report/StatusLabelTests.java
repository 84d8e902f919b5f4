package dev.crossroads.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.roadmap.FeatureStatus;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StatusLabelTests {

    @Test
    void everyStatusHasItsOwnSymbolAndWord() {
        for (FeatureStatus status : FeatureStatus.values()) {
            assertThat(StatusLabel.of(status).status()).isEqualTo(status);
        }
        assertThat(Arrays.stream(StatusLabel.values()).map(StatusLabel::symbol).distinct()).hasSize(
                FeatureStatus.values().length);
        assertThat(StatusLabel.of(FeatureStatus.IN_PROGRESS).text()).isEqualTo("🚧 in progress");
        assertThat(StatusLabel.of(FeatureStatus.COMING_SOON).cssClass()).isEqualTo("status-coming-soon");
    }

    @Test
    void storedWordsReadAsWordsAndUnknownOnesAsGiven() {
        assertThat(StatusLabel.word("NOT_PLANNED")).isEqualTo("not planned");
        assertThat(StatusLabel.word("SHIPPED")).isEqualTo("shipped");
        assertThat(StatusLabel.word(null)).isNull();
    }
}
