package dev.crossroads.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.snapshot.ChangeEvent.Kind;
import dev.crossroads.snapshot.ItemFacts;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class HistoryReplayTests {

    private static final Instant T1 = Instant.parse("2021-01-01T00:00:00Z");
    private static final Instant T2 = Instant.parse("2021-02-01T00:00:00Z");
    private static final Instant T3 = Instant.parse("2021-03-01T00:00:00Z");

    private static ItemFacts page(String path, String title, FeatureStatus status) {
        return new ItemFacts("docs/" + path, title, "FEATURE", status, null, null, null, null, null, path, null,
                List.of(), null);
    }

    @Test
    void aPageMovedToAnotherFolderIsOneItemWithItsFirstAppearance() {
        var result = HistoryReplay.of(List.of(
                new HistoryReplay.Step(1, T1, List.of(page("core/tracer.md", "Tracer", FeatureStatus.AVAILABLE))),
                new HistoryReplay.Step(2, T2, List.of(page("core/tracer/index.md", "Tracing",
                        FeatureStatus.AVAILABLE)))));

        assertThat(result.events()).extracting(e -> e.change().kind())
                .containsExactly(Kind.ADDED, Kind.RENAMED, Kind.TITLE_CHANGED);
        var moved = result.lives().get("docs/core/tracer/index.md");
        assertThat(moved.firstSeen()).isEqualTo(T1);
        assertThat(moved.statusSince()).isEqualTo(T1);
        assertThat(result.lives().get("docs/core/tracer.md").removedAt()).isEqualTo(T2);
    }

    @Test
    void aRenameThatAlsoChangesStatusKeepsItsFirstAppearanceButNotItsStatusSince() {
        var result = HistoryReplay.of(List.of(
                new HistoryReplay.Step(1, T1, List.of(page("utilities/flags.md", "Feature flags",
                        FeatureStatus.PREVIEW))),
                new HistoryReplay.Step(2, T3, List.of(page("features/flags.md", "Feature Flags",
                        FeatureStatus.AVAILABLE)))));

        assertThat(result.events()).extracting(e -> e.change().kind())
                .containsExactly(Kind.ADDED, Kind.RENAMED, Kind.TITLE_CHANGED, Kind.STATUS_CHANGED);
        var moved = result.lives().get("docs/features/flags.md");
        assertThat(moved.firstSeen()).isEqualTo(T1);
        assertThat(moved.statusSince()).isEqualTo(T3);
    }

    @Test
    void twoPagesThatCouldEachBeTheMovedOneAreNotGuessedAt() {
        var result = HistoryReplay.of(List.of(
                new HistoryReplay.Step(1, T1, List.of(page("core/logger.md", "Logger", FeatureStatus.AVAILABLE))),
                new HistoryReplay.Step(2, T2, List.of(page("v2/logger.md", "Logger", FeatureStatus.AVAILABLE),
                        page("v3/logger.md", "Logger", FeatureStatus.AVAILABLE)))));

        assertThat(result.events()).extracting(e -> e.change().kind())
                .containsExactlyInAnyOrder(Kind.ADDED, Kind.REMOVED, Kind.ADDED, Kind.ADDED);
        assertThat(result.lives().get("docs/v2/logger.md").firstSeen()).isEqualTo(T2);
    }

    @Test
    void anItemRemovedAndAddedAgainKeepsItsFirstAppearanceAndEntersItsStatusAnew() {
        var result = HistoryReplay.of(List.of(
                new HistoryReplay.Step(1, T1, List.of(page("core/metrics.md", "Metrics", FeatureStatus.AVAILABLE))),
                new HistoryReplay.Step(2, T2, List.of()),
                new HistoryReplay.Step(3, T3, List.of(page("core/metrics.md", "Metrics", FeatureStatus.AVAILABLE)))));

        var life = result.lives().get("docs/core/metrics.md");
        assertThat(life.firstSeen()).isEqualTo(T1);
        assertThat(life.statusSince()).isEqualTo(T3);
        assertThat(life.removedAt()).isNull();
        assertThat(result.events()).extracting(e -> e.change().kind())
                .containsExactly(Kind.ADDED, Kind.REMOVED, Kind.ADDED);
    }
}
