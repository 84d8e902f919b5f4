package dev.crossroads.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * Runs the parsers over every real document in {@code ../shared/corpus} and checks what we expect of each, written
 * per file in {@code src/test/resources/conformance/*.yaml} after reading the page: items as
 * {@code "section > title | kind | priority | status | done/total"}, docs features as
 * {@code "nav groups > name | page | title source [| markers]"}.
 */
class CorpusConformanceTests {

    static final Path CORPUS = Path.of("../shared/corpus");

    /** Every Markdown file of the corpus, in path order. */
    static List<Path> markdownFiles() throws IOException {
        try (Stream<Path> files = Files.walk(CORPUS)) {
            return files.filter(f -> f.toString().endsWith(".md")).sorted().toList();
        }
    }

    @BeforeAll
    static void corpusMustBeThere() {
        if (!Files.isDirectory(CORPUS)) {
            String message = "\n!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n"
                    + "!!! ../shared/corpus is missing: the real-document conformance suite did NOT run.\n"
                    + "!!! Check out shared/ beside this repository to run it.\n"
                    + "!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!!\n";
            System.err.println(message);
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                throw new AssertionError("../shared/corpus is missing on CI");
            }
            Assumptions.abort(message);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyRoadmapPageReadsAsExpected() {
        Map<String, Map<String, Object>> expectations = expectations("roadmaps.yaml", "roadmaps");
        RoadmapParser parser = new RoadmapParser();
        return expectations.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            RoadmapDocument document = parser.parse(Files.readString(CORPUS.resolve(e.getKey())));
            Map<String, Object> expected = e.getValue();
            assertThat(document.title()).as("title").isEqualTo(expected.get("title"));
            assertThat(document.statusVocabulary()).as("status vocabulary").isEqualTo(expected.get("statuses"));
            assertThat(document.items().stream().map(CorpusConformanceTests::describe).toList()).as("items")
                    .containsExactlyElementsOf(strings(expected.get("items")));
            assertThat(document.items()).extracting(RoadmapItem::id).doesNotHaveDuplicates();
        }));
    }

    @TestFactory
    Stream<DynamicTest> everyDocsTreeReadsAsExpected() {
        Map<String, Map<String, Object>> expectations = expectations("docs.yaml", "docs");
        DocsFeatureParser parser = new DocsFeatureParser(2 << 20);
        return expectations.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            DocsFeatureList list = parseDocs(parser, e.getKey());
            Map<String, Object> expected = e.getValue();
            assertThat(list.features().stream().map(CorpusConformanceTests::describe).toList()).as("features")
                    .containsExactlyElementsOf(strings(expected.get("features")));
            assertThat(list.tableRows()).extracting(FeatureTableRow::name).as("features table")
                    .containsExactlyElementsOf(strings(expected.get("table")));
            assertThat(list.disagreements().stream()
                    .map(d -> d.pagePath() + ": " + d.navName() + " / " + d.tableName()).toList())
                    .as("nav/table disagreements").containsExactlyElementsOf(strings(expected.get("disagreements")));
        }));
    }

    @Test
    void everyCorpusDocumentHasExpectations() throws IOException {
        List<String> missing = new ArrayList<>();
        Map<String, Map<String, Object>> roadmaps = expectations("roadmaps.yaml", "roadmaps");
        for (String folder : List.of("roadmaps", "central-roadmap")) {
            try (Stream<Path> files = Files.list(CORPUS.resolve(folder))) {
                files.map(p -> CORPUS.relativize(p).toString())
                        .filter(p -> p.endsWith(".md") && !p.endsWith("MANIFEST.md"))
                        .filter(p -> !roadmaps.containsKey(p)).forEach(missing::add);
            }
        }
        Map<String, Map<String, Object>> docs = expectations("docs.yaml", "docs");
        try (Stream<Path> trees = Files.list(CORPUS.resolve("trees"))) {
            trees.filter(Files::isDirectory).map(p -> CORPUS.relativize(p).toString())
                    .filter(p -> !docs.containsKey(p)).forEach(missing::add);
        }
        assertThat(missing).as("corpus documents with no written expectations").isEmpty();
    }

    private static DocsFeatureList parseDocs(DocsFeatureParser parser, String key) throws IOException {
        if (key.startsWith("trees/")) {
            Path tree = CORPUS.resolve(key);
            PageSource pages = page -> read(tree.resolve("docs").resolve(page));
            return parser.parse(Files.readString(tree.resolve("mkdocs.yml")),
                    Files.readString(tree.resolve("docs/index.md")), pages);
        }
        Path folder = key.startsWith("docs/") ? CORPUS.resolve(key) : CORPUS.resolve("central-roadmap");
        String suffix = key.startsWith("docs/") ? "" : "static-website-";
        return parser.parse(Files.readString(only(folder, suffix + "mkdocs", ".yml")),
                Files.readString(only(folder, suffix + "index", ".md")), PageSource.none());
    }

    private static Path only(Path folder, String marker, String extension) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.getFileName().toString().contains(marker) && p.toString().endsWith(extension))
                    .findFirst().orElseThrow();
        }
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String describe(RoadmapItem item) {
        return String.join(" > ", item.sectionPath()) + " > " + item.title() + " | " + item.kind() + " | "
                + (item.priority() == null ? "-" : item.priority()) + " | "
                + (item.status() == null ? "-" : item.status()) + " | "
                + item.progress().done() + "/" + item.progress().total();
    }

    static String describe(DocsFeature feature) {
        return String.join(" > ", feature.navPath()) + " > " + feature.name() + " | "
                + (feature.pagePath() != null ? feature.pagePath() : feature.url()) + " | " + feature.titleSource()
                + (feature.markers().isEmpty() ? "" : " | " + feature.markers());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> expectations(String file, String root) {
        try (InputStream in = CorpusConformanceTests.class.getResourceAsStream("/conformance/" + file)) {
            Map<String, Object> all = new Yaml().load(in);
            return (Map<String, Map<String, Object>>) all.get(root);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> strings(Object value) {
        return value == null ? List.of() : (List<String>) value;
    }
}
