package dev.crossroads.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.parity.Feature;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.Parity;
import dev.crossroads.parity.ParityCell;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.snapshot.ChangeEvent.Kind;
import dev.crossroads.snapshot.ChangeFeedRepository.FeedChange;
import dev.crossroads.snapshot.SourceKind;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FeedEntriesTests {

    private static final Instant T1 = Instant.parse("2025-05-01T09:00:00Z");
    private static final Instant T2 = Instant.parse("2025-05-02T09:00:00Z");
    private static final FeedEntries.Names NAMES = new FeedEntries.Names("gizmo", URI.create("https://x.example/app/"),
            Map.of("python", "Python", "java", "Java"), Map.of("batch", "Batch Processing", "logger", "Logger"));

    @Test
    void storedChangesReadAsWhatTheyMeant() {
        assertThat(kind(Kind.ADDED, null, "PLANNED")).isEqualTo(FeedKind.ADDED);
        assertThat(kind(Kind.ADDED, null, "AVAILABLE")).isEqualTo(FeedKind.SHIPPED);
        assertThat(kind(Kind.STATUS_CHANGED, "PLANNED", "IN_PROGRESS")).isEqualTo(FeedKind.STATUS_CHANGED);
        assertThat(kind(Kind.STATUS_CHANGED, "COMING_SOON", "AVAILABLE")).isEqualTo(FeedKind.SHIPPED);
        assertThat(kind(Kind.STATUS_CHANGED, "AVAILABLE", "DEPRECATED")).as("still shipped")
                .isEqualTo(FeedKind.STATUS_CHANGED);
        assertThat(kind(Kind.STATUS_CHANGED, "PLANNED", "NOT_PLANNED")).isEqualTo(FeedKind.DROPPED);
        assertThat(kind(Kind.STATUS_CHANGED, "planned", "launched")).as("words of old rows")
                .isEqualTo(FeedKind.STATUS_CHANGED);
        assertThat(kind(Kind.REMOVED, "PLANNED", null)).isEqualTo(FeedKind.REMOVED);
    }

    @Test
    void anEntryOfALinkedItemLinksToItsFeaturePage() {
        FeedEntry entry = FeedEntries.change(change(41, Kind.STATUS_CHANGED, "PLANNED", "IN_PROGRESS"), "batch", NAMES);

        assertThat(entry.id()).isEqualTo("tag:crossroads.dev,2025:gizmo/change/41/" + T1.getEpochSecond());
        assertThat(entry.title()).isEqualTo("Python roadmap: “Async batch” planned → in progress");
        assertThat(entry.summary()).isEqualTo("Feature: Batch Processing. Python roadmap, item async-batch.");
        assertThat(entry.link()).isEqualTo("https://x.example/app/features/batch");
        assertThat(entry.kind()).isEqualTo(FeedKind.STATUS_CHANGED);
        assertThat(entry.at()).isEqualTo(T1);
    }

    @Test
    void unlinkedItemsLinkToTheirEvidenceElseTheLandingPage() {
        FeedChange onGitHub = new FeedChange(5, T1, "java", SourceKind.ROADMAP, "k", "Office hours", Kind.ADDED, null,
                "PLANNED", null, "https://github.com/acme/java/blob/main/docs/roadmap.md#L3");
        FeedChange local = new FeedChange(6, T1, "java", SourceKind.ROADMAP, "k", "Office hours", Kind.REMOVED,
                "PLANNED", null, null, "file:/tmp/roadmap.md");

        assertThat(FeedEntries.change(onGitHub, null, NAMES).link())
                .isEqualTo("https://github.com/acme/java/blob/main/docs/roadmap.md#L3");
        FeedEntry removed = FeedEntries.change(local, null, NAMES);
        assertThat(removed.link()).isEqualTo("https://x.example/app/");
        assertThat(removed.title()).isEqualTo("Java roadmap: “Office hours” removed");
    }

    @Test
    void titlesSayShippedAndDropped() {
        assertThat(FeedEntries.change(change(1, Kind.ADDED, null, "AVAILABLE"), null, NAMES).title())
                .isEqualTo("Python: “Async batch” is available (roadmap)");
        assertThat(FeedEntries.change(change(5, Kind.ADDED, null, "PREVIEW"), null, NAMES).title())
                .isEqualTo("Python: “Async batch” is in preview (roadmap)");
        assertThat(FeedEntries.change(change(2, Kind.STATUS_CHANGED, "COMING_SOON", "AVAILABLE"), null, NAMES).title())
                .isEqualTo("Python: “Async batch” shipped (roadmap: coming soon → available)");
        assertThat(FeedEntries.change(change(3, Kind.STATUS_CHANGED, "PLANNED", "NOT_PLANNED"), null, NAMES).title())
                .isEqualTo("Python roadmap: “Async batch” dropped (was planned)");
        assertThat(FeedEntries.change(change(4, Kind.ADDED, null, "IDEA"), null, NAMES).title())
                .isEqualTo("Python roadmap: “Async batch” added (idea)");
    }

    @Test
    void aUniversalFeatureIsAnnouncedOnceDatedWhenTheLastLanguageShippedIt() {
        MatrixRow logger = new MatrixRow(new Feature("logger", "Logger", "Core", null, List.of()), Parity.UNIVERSAL,
                T2, List.of(cell("python", T1), cell("java", T2)));
        MatrixRow batch = new MatrixRow(new Feature("batch", "Batch Processing", "Data", null, List.of()),
                Parity.UNIQUE, null, List.of(cell("python", T1), cell("java", null)));

        List<FeedEntry> all = FeedEntries.availableEverywhere(List.of(logger, batch), NAMES, null, null);

        assertThat(all).hasSize(1);
        FeedEntry entry = all.get(0);
        assertThat(entry.id()).isEqualTo("tag:crossroads.dev,2025:gizmo/available-everywhere/logger/"
                + T2.getEpochSecond());
        assertThat(entry.title()).isEqualTo("“Logger” is available in every language (Java shipped it last)");
        assertThat(entry.language()).isEqualTo("java");
        assertThat(entry.link()).isEqualTo("https://x.example/app/features/logger");
        assertThat(FeedEntries.availableEverywhere(List.of(logger), NAMES, "java", null)).hasSize(1);
        assertThat(FeedEntries.availableEverywhere(List.of(logger), NAMES, "python", null)).isEmpty();
        assertThat(FeedEntries.availableEverywhere(List.of(logger), NAMES, null, "batch")).isEmpty();
    }

    @Test
    void newestFirstBoundedAndTheUniversalEntryBeforeTheChangesOfItsInstant() {
        FeedEntry older = FeedEntries.change(change(1, Kind.ADDED, null, "PLANNED"), null, NAMES);
        FeedEntry newer = FeedEntries.change(new FeedChange(2, T2, "java", SourceKind.DOCS, "docs/logging.md",
                "Logging", Kind.ADDED, null, "AVAILABLE", "logger", null), "logger", NAMES);
        FeedEntry universal = new FeedEntry("u", FeedKind.AVAILABLE_EVERYWHERE, T2, "t", "s", "java", "logger", "l");

        assertThat(FeedEntries.newestFirst(List.of(newer, older), List.of(universal), 10))
                .containsExactly(universal, newer, older);
        assertThat(FeedEntries.newestFirst(List.of(newer, older), List.of(universal), 2))
                .containsExactly(universal, newer);
    }

    private static FeedKind kind(Kind kind, String old, String now) {
        return FeedKind.of(kind, old, now);
    }

    private static FeedChange change(long id, Kind kind, String old, String now) {
        return new FeedChange(id, T1, "python", SourceKind.ROADMAP, "async-batch", "Async\nbatch", kind, old, now,
                null, null);
    }

    private static ParityCell cell(String language, Instant available) {
        return new ParityCell(language, available == null ? FeatureStatus.PLANNED : FeatureStatus.AVAILABLE,
                available, available, null, List.of(), List.of());
    }
}
