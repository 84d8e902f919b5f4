package dev.crossroads.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.crossroads.parity.Disagreement.Kind;
import dev.crossroads.parity.FeatureLink.Reason;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.Priority;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The matrix from handmade alignments: the engine alone, whatever the aligner would have decided. */
class ParityEngineTests {

    private static final List<ParityEngine.Language> LANGUAGES = List.of(
            new ParityEngine.Language("python", "Python"), new ParityEngine.Language("typescript", "TypeScript"),
            new ParityEngine.Language("java", "Java"));
    private static final Instant JAN = Instant.parse("2024-01-01T00:00:00Z");
    private static final Instant FEB = Instant.parse("2024-02-01T00:00:00Z");
    private static final Instant MAR = Instant.parse("2024-03-01T00:00:00Z");
    private static final Instant APR = Instant.parse("2024-04-01T00:00:00Z");
    private static final Instant SEEN = Instant.parse("2024-09-01T00:00:00Z");
    private static final Instant GENERATED = Instant.parse("2024-09-02T00:00:00Z");

    private final Matrix matrix = new Matrix();

    // ------------------------------------------------------------------ precedence

    @Test
    void docsAvailableBeatsAPlannedRoadmapItem() {
        StoredItem page = docs("python", "core/tracer.md", "Tracer", FeatureStatus.AVAILABLE, "documented", JAN, JAN);
        StoredItem planned = roadmap("python", "add-tracer", "Add Tracer", FeatureStatus.PLANNED,
                "on the roadmap with no checklist", FEB);
        matrix.feature("tracer", "Tracer", "Core").link(page, "tracer", false).link(planned, "tracer", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("python").orElseThrow();

        assertThat(cell.status()).isEqualTo(FeatureStatus.AVAILABLE);
        assertThat(cell.since()).isEqualTo(JAN);
        assertThat(cell.disagreements()).containsExactly(new Disagreement(Kind.DOCS_AHEAD_OF_ROADMAP,
                "the docs ship it, but the roadmap item 'Add Tracer' is planned (on the roadmap with no checklist)"));
    }

    @Test
    void aDocsPreviewMarkerMakesTheCellPreviewWhateverTheRoadmapSays() {
        StoredItem page = docs("python", "utilities/parser.md", "Parser", FeatureStatus.PREVIEW, "BETA", JAN, FEB);
        StoredItem launched = roadmap("python", "launched/parser", "Parser", FeatureStatus.AVAILABLE, "SHIPPED", MAR);
        matrix.feature("parser", "Parser", "Data").link(page, "parser", false).link(launched, "parser", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("python").orElseThrow();

        assertThat(cell.status()).isEqualTo(FeatureStatus.PREVIEW);
        assertThat(cell.since()).isEqualTo(FEB);
        assertThat(cell.disagreements()).isEmpty();
    }

    @Test
    void ofSeveralPrimaryPagesTheMostSettledDecides() {
        StoredItem old = docs("java", "utilities/sqs_batch.md", "SQS Batch Processing", FeatureStatus.DEPRECATED,
                "DEPRECATED", JAN, JAN);
        StoredItem current = docs("java", "utilities/batch.md", "Batch Processing", FeatureStatus.AVAILABLE,
                "documented", FEB, MAR);
        matrix.feature("batch", "Batch Processing", "Data").link(old, "batch", false).link(current, "batch", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("java").orElseThrow();

        assertThat(cell.status()).isEqualTo(FeatureStatus.AVAILABLE);
        assertThat(cell.since()).isEqualTo(MAR);
    }

    @Test
    void aSubPageDoesNotDecideWhileThePageItSupportsIsThere() {
        StoredItem metrics = docs("python", "core/metrics.md", "Metrics", FeatureStatus.PREVIEW, "EXPERIMENTAL", JAN,
                JAN);
        StoredItem datadog = docs("python", "core/metrics/datadog.md", "Datadog", FeatureStatus.AVAILABLE,
                "documented", FEB, FEB);
        matrix.feature("metrics", "Metrics", "Core").link(metrics, "metrics", false).link(datadog, "metrics", true);

        ParityCell cell = matrix.compute().rows().get(0).cell("python").orElseThrow();

        assertThat(cell.status()).isEqualTo(FeatureStatus.PREVIEW);
        assertThat(cell.since()).isEqualTo(JAN);
    }

    @Test
    void withoutDocsInProgressBeatsPlanned() {
        StoredItem working = roadmap("typescript", "parser", "Parser", FeatureStatus.IN_PROGRESS, "IN_PROGRESS", FEB);
        StoredItem card = board("typescript", "Parser support", FeatureStatus.PLANNED, "Backlog", MAR);
        matrix.feature("parser", "Parser", "Data").link(working, "parser", false).link(card, "parser", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("typescript").orElseThrow();

        assertThat(cell.status()).isEqualTo(FeatureStatus.IN_PROGRESS);
        assertThat(cell.since()).isEqualTo(FEB);
    }

    @Test
    void withoutDocsComingSoonBeatsInProgress() {
        StoredItem working = roadmap("typescript", "parser", "Parser", FeatureStatus.IN_PROGRESS, "IN_PROGRESS", FEB);
        StoredItem card = board("typescript", "Parser support", FeatureStatus.COMING_SOON, "Coming soon", APR);
        matrix.feature("parser", "Parser", "Data").link(working, "parser", false).link(card, "parser", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("typescript").orElseThrow();

        assertThat(cell.status()).isEqualTo(FeatureStatus.COMING_SOON);
        assertThat(cell.since()).as("the deciding board card's").isEqualTo(APR);
    }

    @Test
    void withoutDocsOnHoldBeatsPlannedAndAnIdeaBeatsNotPlanned() {
        matrix.feature("a", "A", null).feature("b", "B", null)
                .link(roadmap("java", "a1", "A", FeatureStatus.PLANNED, null, JAN), "a", false)
                .link(board("java", "A card", FeatureStatus.ON_HOLD, "On hold", FEB), "a", false)
                .link(roadmap("java", "b1", "B", FeatureStatus.NOT_PLANNED, "DROPPED", JAN), "b", false)
                .link(board("java", "B card", FeatureStatus.IDEA, "Ideas", MAR), "b", false);

        List<MatrixRow> rows = matrix.compute().rows();

        assertThat(rows.get(0).cell("java").orElseThrow().status()).isEqualTo(FeatureStatus.ON_HOLD);
        assertThat(rows.get(1).cell("java").orElseThrow().status()).isEqualTo(FeatureStatus.IDEA);
    }

    @Test
    void anItemThatOnlyMentionsTheFeatureCountsOnlyWhenNothingNamesIt() {
        StoredItem naming = roadmap("python", "kafka", "Kafka consumer", FeatureStatus.PLANNED, null, JAN);
        StoredItem mentioning = roadmap("python", "kafka-avro", "Kafka consumer: Avro schemas",
                FeatureStatus.IN_PROGRESS, "IN_PROGRESS", FEB);
        StoredItem onlyMentioning = roadmap("java", "kafka-protobuf", "Kafka consumer: Protobuf",
                FeatureStatus.IN_PROGRESS, "IN_PROGRESS", MAR);
        matrix.feature("kafka", "Kafka Consumer", "Data").link(naming, "kafka", false).link(mentioning, "kafka", true)
                .link(onlyMentioning, "kafka", true);

        MatrixRow row = matrix.compute().rows().get(0);

        assertThat(row.cell("python").orElseThrow().status()).isEqualTo(FeatureStatus.PLANNED);
        assertThat(row.cell("python").orElseThrow().since()).isEqualTo(JAN);
        assertThat(row.cell("java").orElseThrow().status()).isEqualTo(FeatureStatus.IN_PROGRESS);
        assertThat(row.cell("java").orElseThrow().since()).isEqualTo(MAR);
    }

    @Test
    void aLanguageWithNoItemsIsAbsent() {
        matrix.feature("tracer", "Tracer", "Core")
                .link(docs("python", "core/tracer.md", "Tracer", FeatureStatus.AVAILABLE, "documented", JAN, JAN),
                        "tracer", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("java").orElseThrow();

        assertThat(cell).isEqualTo(new ParityCell("java", FeatureStatus.ABSENT, null, null, null, List.of(), List.of()));
    }

    @Test
    void theMostUrgentRoadmapPriorityIsTheCells() {
        matrix.feature("kafka", "Kafka Consumer", "Data")
                .link(roadmapWithPriority("python", "kafka", "Kafka consumer", "P2"), "kafka", false)
                .link(roadmapWithPriority("python", "kafka-v2", "Kafka consumer v2", "P1"), "kafka", false)
                .link(roadmapWithPriority("java", "kafka", "Kafka consumer", null), "kafka", false);

        MatrixRow row = matrix.compute().rows().get(0);

        assertThat(row.cell("python").orElseThrow().priority()).isEqualTo(Priority.P1);
        assertThat(row.cell("java").orElseThrow().priority()).isNull();
    }

    // ------------------------------------------------------------------ disagreements

    @Test
    void docsAheadOfTheBoard() {
        StoredItem page = docs("java", "utilities/idempotency.md", "Idempotency", FeatureStatus.AVAILABLE,
                "documented", JAN, JAN);
        StoredItem card = board("java", "Idempotency support", FeatureStatus.IN_PROGRESS, "Working on it", FEB);
        matrix.feature("idempotency", "Idempotency", "Data").link(page, "idempotency", false)
                .link(card, "idempotency", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("java").orElseThrow();

        assertThat(cell.disagreements()).containsExactly(new Disagreement(Kind.DOCS_AHEAD_OF_BOARD,
                "the docs ship it, but the board item 'Idempotency support' is in progress (Working on it)"));
    }

    @Test
    void docsAheadOfARoadmapChecklistCountsItsTicks() {
        StoredItem page = docs("typescript", "utilities/batch.md", "Batch Processing", FeatureStatus.AVAILABLE,
                "documented", JAN, JAN);
        StoredItem theme = new StoredItem("typescript", SourceKind.ROADMAP, new ItemFacts("batch",
                "Batch Processing", "THEME", FeatureStatus.IN_PROGRESS, "checklist 3/6 done", null, 3, 6, "Themes",
                null, evidenceUrl("typescript", "roadmap#L4"), List.of(), null), JAN, SEEN, FEB);
        matrix.feature("batch", "Batch Processing", "Data").link(page, "batch", false).link(theme, "batch", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("typescript").orElseThrow();

        assertThat(cell.disagreements()).containsExactly(new Disagreement(Kind.DOCS_AHEAD_OF_ROADMAP,
                "the docs ship it, but the roadmap item 'Batch Processing' is in progress (3/6 ticked)"));
    }

    @Test
    void noDisagreementWhenTheRoadmapLaunchedItIsComingSoonOrOnlyMentionsIt() {
        StoredItem page = docs("python", "utilities/batch.md", "Batch Processing", FeatureStatus.AVAILABLE,
                "documented", JAN, JAN);
        matrix.feature("batch", "Batch Processing", "Data").link(page, "batch", false)
                .link(roadmap("python", "launched", "Batch Processing", FeatureStatus.AVAILABLE, "SHIPPED", JAN),
                        "batch", false)
                .link(roadmap("python", "done", "Batch Processing v2", FeatureStatus.COMING_SOON, "DONE", FEB),
                        "batch", false)
                .link(roadmap("python", "fifo", "Batch: FIFO queues", FeatureStatus.PLANNED, null, FEB), "batch",
                        true)
                .link(board("python", "Batch Processing", FeatureStatus.AVAILABLE, "Shipped", MAR), "batch", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("python").orElseThrow();

        assertThat(cell.status()).isEqualTo(FeatureStatus.AVAILABLE);
        assertThat(cell.disagreements()).isEmpty();
    }

    @Test
    void launchedWithoutDocsOnlyWhenTheLanguageHasDocsAtAll() {
        // python's docs are synced (they document the logger) but have no tracer page
        StoredItem logger = docs("python", "core/logger.md", "Logger", FeatureStatus.AVAILABLE, "documented", JAN,
                JAN);
        StoredItem pythonLaunch = roadmap("python", "launched/tracer", "Tracer", FeatureStatus.AVAILABLE, "SHIPPED",
                FEB);
        // java has no docs items at all: its launch says nothing about missing docs
        StoredItem javaCard = board("java", "Tracer", FeatureStatus.AVAILABLE, "Shipped", MAR);
        matrix.feature("logger", "Logger", "Core").feature("tracer", "Tracer", "Core")
                .link(logger, "logger", false).link(pythonLaunch, "tracer", false).link(javaCard, "tracer", false);

        MatrixRow tracer = matrix.compute().rows().get(1);

        assertThat(tracer.feature().id()).isEqualTo("tracer");
        ParityCell python = tracer.cell("python").orElseThrow();
        assertThat(python.status()).isEqualTo(FeatureStatus.AVAILABLE);
        assertThat(python.since()).isEqualTo(FEB);
        assertThat(python.disagreements()).containsExactly(new Disagreement(Kind.LAUNCHED_WITHOUT_DOCS,
                "the roadmap item 'Tracer' says it launched, but no docs page documents it"));
        ParityCell java = tracer.cell("java").orElseThrow();
        assertThat(java.status()).isEqualTo(FeatureStatus.AVAILABLE);
        assertThat(java.disagreements()).isEmpty();
    }

    @Test
    void navAndTableNamesDiffer() {
        StoredItem tracer = new StoredItem("python", SourceKind.DOCS, new ItemFacts("docs/core/tracer.md", "Tracer",
                "FEATURE", FeatureStatus.AVAILABLE, "documented", null, null, null, "Features", "core/tracer.md",
                evidenceUrl("python", "core/tracer.md"), List.of(), "Tracing"), JAN, SEEN, JAN);
        StoredItem sameNames = docs("java", "core/tracing.md", "Tracing", FeatureStatus.AVAILABLE, "documented", JAN,
                JAN);
        matrix.feature("tracer", "Tracer", "Core").link(tracer, "tracer", false).link(sameNames, "tracer", false);

        MatrixRow row = matrix.compute().rows().get(0);

        assertThat(row.cell("python").orElseThrow().disagreements()).containsExactly(new Disagreement(
                Kind.NAV_TABLE_NAMES_DIFFER,
                "the docs nav calls it 'Tracer' but the home page's features table calls it 'Tracing'"));
        assertThat(row.cell("java").orElseThrow().disagreements()).isEmpty();
    }

    // ------------------------------------------------------------------ parity, coverage, order

    @Test
    void parityCountsTheLanguagesThatShip() {
        matrix.feature("everywhere", "Everywhere", "G").feature("two", "Two", "G").feature("one", "One", "G")
                .feature("planned", "Planned", "G");
        for (String language : List.of("python", "typescript", "java")) {
            matrix.link(docs(language, "everywhere.md", "Everywhere", FeatureStatus.AVAILABLE, "documented", JAN,
                    JAN), "everywhere", false);
        }
        matrix.link(docs("python", "two.md", "Two", FeatureStatus.AVAILABLE, "documented", JAN, JAN), "two", false)
                .link(docs("java", "two.md", "Two", FeatureStatus.DEPRECATED, "MAINTENANCE", JAN, JAN), "two", false)
                .link(docs("typescript", "one.md", "One", FeatureStatus.PREVIEW, "BETA", JAN, JAN), "one", false)
                .link(roadmap("python", "planned", "Planned", FeatureStatus.PLANNED, null, JAN), "planned", false)
                .link(board("java", "Planned", FeatureStatus.IN_PROGRESS, "Working on it", JAN), "planned", false);

        ParityMatrix result = matrix.compute();

        assertThat(result.rows()).extracting(r -> r.feature().id(), MatrixRow::parity).containsExactly(
                tuple("everywhere", Parity.UNIVERSAL), tuple("two", Parity.PARTIAL), tuple("one", Parity.UNIQUE),
                tuple("planned", Parity.NONE));
        assertThat(result.rows()).extracting(MatrixRow::universalSince).containsExactly(JAN, null, null, null);
        assertThat(result.languages()).containsExactly(
                new LanguageCoverage("python", "Python", 2, 3, 0.6667),
                new LanguageCoverage("typescript", "TypeScript", 2, 3, 0.6667),
                new LanguageCoverage("java", "Java", 2, 3, 0.6667));
        assertThat(result.dataVersion()).isEqualTo(7);
        assertThat(result.generatedAt()).isEqualTo(GENERATED);
    }

    @Test
    void coverageIsShippedOverFeaturesShippedAnywhere() {
        matrix.feature("a", "A", "G").feature("b", "B", "G").feature("c", "C", "G").feature("d", "D", "G");
        for (String feature : List.of("a", "b", "c")) {
            matrix.link(docs("python", feature + ".md", feature, FeatureStatus.AVAILABLE, "documented", JAN, JAN),
                    feature, false);
        }
        matrix.link(docs("java", "a.md", "a", FeatureStatus.AVAILABLE, "documented", JAN, JAN), "a", false)
                .link(roadmap("typescript", "d", "d", FeatureStatus.PLANNED, null, JAN), "d", false);

        assertThat(matrix.compute().languages()).containsExactly(
                new LanguageCoverage("python", "Python", 3, 3, 1.0),
                new LanguageCoverage("typescript", "TypeScript", 0, 3, 0.0),
                new LanguageCoverage("java", "Java", 1, 3, 0.3333));
    }

    @Test
    void nothingShippedAnywhereIsZeroCoverage() {
        matrix.feature("a", "A", "G").link(roadmap("python", "a", "A", FeatureStatus.PLANNED, null, JAN), "a", false);

        assertThat(matrix.compute().languages()).extracting(LanguageCoverage::shipped, LanguageCoverage::total,
                LanguageCoverage::coverage).containsOnly(tuple(0, 0, 0.0));
    }

    @Test
    void universalSinceIsWhenTheLastLanguageFirstDocumentedIt() {
        matrix.feature("logger", "Logger", "Core")
                .link(docs("python", "core/logger.md", "Logger", FeatureStatus.AVAILABLE, "documented", JAN, APR),
                        "logger", false)
                // a language's earliest page counts: java documented it in February, under another page later
                .link(docs("java", "core/logging.md", "Logging", FeatureStatus.AVAILABLE, "documented", FEB, FEB),
                        "logger", false)
                .link(docs("java", "core/logging-v2.md", "Logging v2", FeatureStatus.AVAILABLE, "documented", APR,
                        APR), "logger", false)
                .link(docs("typescript", "core/logger.md", "Logger", FeatureStatus.PREVIEW, "BETA", MAR, MAR),
                        "logger", false);

        MatrixRow row = matrix.compute().rows().get(0);

        assertThat(row.parity()).isEqualTo(Parity.UNIVERSAL);
        assertThat(row.universalSince()).isEqualTo(MAR);
    }

    @Test
    void rowsFollowGroupsInTheOrderTheyFirstAppear() {
        matrix.feature("logger", "Logger", "Core").feature("parser", "Parser", "Data")
                .feature("tracer", "Tracer", "Core").feature("loose", "Loose", null)
                .feature("batch", "Batch", "Data").feature("other", "Other", null);

        List<MatrixRow> rows = matrix.compute().rows();

        assertThat(rows).extracting(r -> r.feature().id())
                .containsExactly("logger", "tracer", "parser", "batch", "loose", "other");
        assertThat(rows).extracting(MatrixRow::parity).containsOnly(Parity.NONE);
        assertThat(rows.get(0).cells()).extracting(ParityCell::language).containsExactly("python", "typescript",
                "java");
    }

    @Test
    void evidenceListsDocsFirstWithTheirLinksAndWords() {
        StoredItem card = board("python", "Tracer: OpenTelemetry", FeatureStatus.IN_PROGRESS, "Working on it", FEB);
        StoredItem page = docs("python", "core/tracer.md", "Tracer", FeatureStatus.AVAILABLE, "documented", JAN, JAN);
        StoredItem theme = roadmap("python", "a-tracer", "Tracer", FeatureStatus.AVAILABLE, "SHIPPED", JAN);
        StoredItem silent = roadmap("python", "b-tracer", "Tracer spans", FeatureStatus.PLANNED, null, JAN);
        matrix.feature("tracer", "Tracer", "Core").link(card, "tracer", true).link(silent, "tracer", true)
                .link(theme, "tracer", false).link(page, "tracer", false);

        ParityCell cell = matrix.compute().rows().get(0).cell("python").orElseThrow();

        assertThat(cell.evidence()).containsExactly(
                new Evidence(SourceKind.DOCS, evidenceUrl("python", "core/tracer.md"), "Tracer — documented", SEEN),
                new Evidence(SourceKind.ROADMAP, evidenceUrl("python", "a-tracer"), "Tracer — SHIPPED", SEEN),
                new Evidence(SourceKind.ROADMAP, evidenceUrl("python", "b-tracer"), "Tracer spans", SEEN),
                new Evidence(SourceKind.BOARD, evidenceUrl("python", "board/Tracer: OpenTelemetry"),
                        "Tracer: OpenTelemetry — Working on it", SEEN));
    }

    @Test
    void itemsWithoutALinkAreLeftOut() {
        StoredItem office = roadmap("python", "office-hours", "Office hours", FeatureStatus.PLANNED, null, JAN);
        matrix.feature("tracer", "Tracer", "Core").items.add(office);

        MatrixRow row = matrix.compute().rows().get(0);

        assertThat(row.cells()).extracting(ParityCell::status).containsOnly(FeatureStatus.ABSENT);
    }

    // ------------------------------------------------------------------ helpers

    /** Features, items and links, built up by hand into an alignment. */
    private static final class Matrix {
        final List<Feature> features = new ArrayList<>();
        final List<StoredItem> items = new ArrayList<>();
        final Map<ItemRef, FeatureLink> links = new LinkedHashMap<>();

        Matrix feature(String id, String name, String group) {
            features.add(new Feature(id, name, group, null, List.of()));
            return this;
        }

        Matrix link(StoredItem item, String featureId, boolean supporting) {
            items.add(item);
            links.put(item.ref(), new FeatureLink(item.ref(), featureId, 1.0,
                    supporting ? Reason.SUB_PAGE : Reason.SAME_NAME, supporting));
            return this;
        }

        ParityMatrix compute() {
            return ParityEngine.compute(7, GENERATED, LANGUAGES, items,
                    new Alignment(features, links, List.of(), List.of()));
        }
    }

    private static String evidenceUrl(String language, String key) {
        return "https://github.com/aws-powertools/powertools-lambda-" + language + "/blob/main/" + key;
    }

    private static StoredItem docs(String language, String page, String title, FeatureStatus status, String raw,
            Instant firstSeen, Instant statusSince) {
        return new StoredItem(language, SourceKind.DOCS, new ItemFacts("docs/" + page, title, "FEATURE", status, raw,
                null, null, null, "Features", page, evidenceUrl(language, page), List.of(), null), firstSeen, SEEN,
                statusSince);
    }

    private static StoredItem roadmap(String language, String key, String title, FeatureStatus status, String raw,
            Instant statusSince) {
        return new StoredItem(language, SourceKind.ROADMAP, new ItemFacts(key, title, "THEME", status, raw, null,
                null, null, "Themes", null, evidenceUrl(language, key), List.of(), null), JAN, SEEN, statusSince);
    }

    private static StoredItem roadmapWithPriority(String language, String key, String title, String priority) {
        return new StoredItem(language, SourceKind.ROADMAP, new ItemFacts(key, title, "THEME", FeatureStatus.PLANNED,
                null, priority, null, null, "Themes", null, evidenceUrl(language, key), List.of(), null), JAN, SEEN,
                JAN);
    }

    private static StoredItem board(String language, String title, FeatureStatus status, String column,
            Instant statusSince) {
        String key = "board/" + title;
        return new StoredItem(language, SourceKind.BOARD, new ItemFacts(key, title, "ISSUE", status, column, null,
                null, null, "aws-powertools/powertools-lambda-" + language, null, evidenceUrl(language, key),
                List.of(), null), JAN, SEEN, statusSince);
    }
}
