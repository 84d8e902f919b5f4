package dev.crossroads.parity;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.parity.FeatureLink.Reason;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.snapshot.ChangeEvent.Kind;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StatusEvent;
import dev.crossroads.snapshot.StoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Cells, rows and coverage read through stored history: timelines, releases, "available everywhere since". */
class ParityHistoryTests {

    private static final List<ParityEngine.Language> LANGUAGES = List.of(
            new ParityEngine.Language("python", "Python"), new ParityEngine.Language("java", "Java"));
    private static final Instant JAN = Instant.parse("2022-01-10T00:00:00Z");
    private static final Instant MAR = Instant.parse("2022-03-10T00:00:00Z");
    private static final Instant MAY = Instant.parse("2022-05-10T00:00:00Z");
    private static final Instant JUL = Instant.parse("2022-07-10T00:00:00Z");
    private static final Instant SEP = Instant.parse("2022-09-10T00:00:00Z");
    private static final Instant NOW = Instant.parse("2022-10-15T00:00:00Z");

    private final List<StoredItem> items = new ArrayList<>();
    private final Map<ItemRef, FeatureLink> links = new LinkedHashMap<>();
    private final List<StatusEvent> events = new ArrayList<>();

    @Test
    void aBetaThatWentGeneralGivesItsFirstReleaseAndItsGeneralAvailability() {
        item("python", SourceKind.DOCS, "docs/utilities/flags.md", FeatureStatus.AVAILABLE);
        event("python", SourceKind.DOCS, "docs/utilities/flags.md", MAR, Kind.ADDED, null, "PREVIEW", "v1.2.0");
        event("python", SourceKind.DOCS, "docs/utilities/flags.md", JUL, Kind.STATUS_CHANGED, "PREVIEW", "AVAILABLE",
                "v1.5.0");

        ParityCell cell = compute().rows().get(0).cell("python").orElseThrow();

        assertThat(cell.availableSince()).isEqualTo(MAR);
        assertThat(cell.versionAdded()).isEqualTo("v1.2.0");
        assertThat(cell.since()).isEqualTo(JUL);
        assertThat(cell.generallyAvailableSince()).isEqualTo(JUL);
        assertThat(cell.generallyAvailableIn()).isEqualTo("v1.5.0");
    }

    @Test
    void beforeItsDocsPageALaunchedRoadmapItemDecidesAndAfterwardsTheDocsDo() {
        item("java", SourceKind.ROADMAP, "launched/flags", FeatureStatus.AVAILABLE);
        item("java", SourceKind.DOCS, "docs/utilities/flags.md", FeatureStatus.PREVIEW);
        event("java", SourceKind.ROADMAP, "launched/flags", JAN, Kind.ADDED, null, "PLANNED", null);
        event("java", SourceKind.ROADMAP, "launched/flags", MAY, Kind.STATUS_CHANGED, "PLANNED", "AVAILABLE", null);
        event("java", SourceKind.DOCS, "docs/utilities/flags.md", JUL, Kind.ADDED, null, "PREVIEW", "v2.0.0");

        ParityCell cell = compute().rows().get(0).cell("java").orElseThrow();

        assertThat(cell.timeline()).extracting(StatusTimelines.Point::status)
                .containsExactly(FeatureStatus.PLANNED, FeatureStatus.AVAILABLE, FeatureStatus.PREVIEW);
        assertThat(cell.availableSince()).isEqualTo(MAY);
        assertThat(cell.versionAdded()).as("the roadmap's launch was read by a sync: no commit, no release").isNull();
    }

    @Test
    void availableEverywhereSinceIsTheLastLanguageToShipWithoutABreakSince() {
        item("python", SourceKind.DOCS, "docs/core/logger.md", FeatureStatus.AVAILABLE);
        item("java", SourceKind.DOCS, "docs/core/logging.md", FeatureStatus.AVAILABLE);
        event("python", SourceKind.DOCS, "docs/core/logger.md", JAN, Kind.ADDED, null, "AVAILABLE", "v1.0.0");
        // java documented it, pulled it, documented it again under another page (a move keeps the past)
        event("java", SourceKind.DOCS, "docs/core/logger.md", MAR, Kind.ADDED, null, "AVAILABLE", "v0.1.0");
        event("java", SourceKind.DOCS, "docs/core/logger.md", MAY, Kind.REMOVED, "AVAILABLE", null, null);
        event("java", SourceKind.DOCS, "docs/core/logger.md", JUL, Kind.ADDED, null, "AVAILABLE", "v0.3.0");
        event("java", SourceKind.DOCS, "docs/core/logging.md", SEP, Kind.RENAMED, "docs/core/logger.md",
                "docs/core/logging.md", "v0.4.0");

        MatrixRow row = compute().rows().get(0);

        assertThat(row.cell("java").orElseThrow().availableSince()).isEqualTo(MAR);
        assertThat(row.universalSince()).isEqualTo(JUL);
        assertThat(row.universalCompletedBy()).isEqualTo("java");
        List<CoverageHistory.LanguagePoint> java = CoverageHistory.language(compute(), "java",
                CoverageHistory.Interval.MONTH, NOW);
        assertThat(java).extracting(CoverageHistory.LanguagePoint::shipped)
                .containsExactly(0, 0, 1, 1, 0, 0, 1, 1, 1, 1); // Jan..Sep month ends, then now
        assertThat(java.get(0).at()).isEqualTo(Instant.parse("2022-02-01T00:00:00Z"));
        assertThat(CoverageHistory.family(compute(), CoverageHistory.Interval.QUARTER, NOW))
                .extracting(CoverageHistory.FamilyPoint::share).containsExactly(1.0, 0.0, 1.0, 1.0);
    }

    private void item(String language, SourceKind source, String key, FeatureStatus status) {
        StoredItem item = new StoredItem(language, source, new ItemFacts(key, "Feature", "FEATURE", status, null,
                null, null, null, null, null, null, List.of(), null), JAN, NOW, JAN);
        items.add(item);
        links.put(item.ref(), new FeatureLink(item.ref(), "feature", 1.0, Reason.SAME_NAME, false));
    }

    private void event(String language, SourceKind source, String key, Instant at, Kind kind, String from, String to,
            String release) {
        events.add(new StatusEvent(new ItemRef(language, source, key), at, kind, from, to,
                release == null ? null : "commit-" + release, release));
    }

    private ParityMatrix compute() {
        return ParityEngine.compute(1, NOW, LANGUAGES, items, new Alignment(List.of(new Feature("feature",
                "Feature", null, null, List.of())), links, List.of(), List.of()), StatusTimelines.of(events));
    }
}
