package dev.crossroads.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.fail;

import dev.crossroads.parity.FeatureLink.Reason;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StoredItem;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.Yaml;

/**
 * Alignment and the matrix over the four Powertools docs trees of the shared corpus, against what reading the
 * documents says they must show ({@code parity/corpus-expectations.yaml}).
 */
class ParityCorpusTests {

    private static List<StoredItem> items;
    private static Alignment withCatalog;
    private static ParityMatrix catalogMatrix;
    private static Alignment withoutCatalog;
    private static ParityMatrix bareMatrix;
    private static Map<String, Object> expected;

    @BeforeAll
    static void readTheCorpus() throws IOException {
        if (!Files.isDirectory(CorpusFamily.TREES)) {
            fail("The shared corpus is missing: expected the docs trees at " + CorpusFamily.TREES.toAbsolutePath()
                    .normalize() + " (../shared/corpus beside the clone, as CI checks it out). These tests never "
                    + "skip: put the corpus there and run again.");
        }
        items = CorpusFamily.items();
        Catalog catalog = CatalogYaml.catalog(Files.readString(Path.of("config/features.yaml")));
        withCatalog = Aligner.align(CorpusFamily.languageIds(), items, catalog, Curation.NONE);
        catalogMatrix = compute(withCatalog);
        withoutCatalog = Aligner.align(CorpusFamily.languageIds(), items, Catalog.NONE, Curation.NONE);
        bareMatrix = compute(withoutCatalog);
        try (InputStream in = ParityCorpusTests.class.getResourceAsStream("/parity/corpus-expectations.yaml")) {
            assertThat(in).as("parity/corpus-expectations.yaml on the test classpath").isNotNull();
            expected = new Yaml().load(in);
        }
    }

    private static ParityMatrix compute(Alignment alignment) {
        return ParityEngine.compute(1, Instant.parse("2024-09-02T00:00:00Z"), CorpusFamily.LANGUAGES, items,
                alignment);
    }

    // ------------------------------------------------------------------ (a) with the catalog: what ships where

    @Test
    void theExpectationsCoverEveryLanguageOfTheFamily() {
        assertThat(documented().keySet()).containsExactlyInAnyOrderElementsOf(CorpusFamily.languageIds());
    }

    @ParameterizedTest
    @ValueSource(strings = {"python", "typescript", "java", "dotnet"})
    void withTheCatalogEachLanguageShipsWhatItsDocsDocument(String language) {
        Map<String, String> documented = documented().get(language);

        Map<String, String> shipped = new TreeMap<>();
        for (MatrixRow row : catalogMatrix.rows()) {
            ParityCell cell = row.cell(language).orElseThrow();
            if (cell.status().isShipped()) {
                shipped.put(row.feature().id(), cell.status().name());
            }
        }

        assertThat(shipped).as(language + ": shipped feature ids and their statuses")
                .isEqualTo(new TreeMap<>(documented));
    }

    @Test
    void withTheCatalogEveryDocsItemIsLinked() {
        List<ItemRef> docs = items.stream().filter(i -> i.source() == SourceKind.DOCS).map(StoredItem::ref).toList();
        int documentedFeatures = documented().values().stream().mapToInt(Map::size).sum();

        assertThat(documentedFeatures).isEqualTo(40);
        assertThat(docs).as("one docs item per documented feature").hasSize(documentedFeatures).allSatisfy(ref ->
                assertThat(withCatalog.links()).as("link of " + ref).containsKey(ref));
    }

    // ------------------------------------------------------------------ (b) without the catalog

    @Test
    void withoutTheCatalogEachGroupLandsInOneRow() {
        for (List<String> group : groups("must_align_without_catalog")) {
            Set<String> features = group.stream().map(ParityCorpusTests::featureWithoutCatalog)
                    .collect(Collectors.toSet());
            assertThat(features).as("rows of " + group).hasSize(1);
        }
        assertThat(groups("must_align_without_catalog")).hasSize(8);
    }

    @Test
    void withoutTheCatalogPairsThatDifferStayApart() {
        for (List<String> pair : groups("must_not_align")) {
            assertThat(pair).hasSize(2);
            assertThat(featureWithoutCatalog(pair.get(0))).as("row of " + pair.get(0) + " vs " + pair.get(1))
                    .isNotEqualTo(featureWithoutCatalog(pair.get(1)));
        }
        assertThat(groups("must_not_align")).hasSize(7);
    }

    @Test
    void withoutTheCatalogCustomResourcesAreOnlySuggested() {
        ItemRef python = pythonCustomResources();
        ItemRef java = ref("java:utilities/custom_resources.md");

        assertThat(withoutCatalog.links().get(python).featureId())
                .isNotEqualTo(withoutCatalog.links().get(java).featureId());
        assertThat(withoutCatalog.suggestions()).anySatisfy(s -> {
            assertThat(s.item()).isEqualTo(java);
            assertThat(s.featureId()).isEqualTo(withoutCatalog.links().get(python).featureId());
        });
        assertThat(withCatalog.links().get(python).featureId()).isEqualTo("custom-resources");
        assertThat(withCatalog.links().get(java).featureId()).isEqualTo("custom-resources");
    }

    // ------------------------------------------------------------------ (c) Logger and Logging

    @Test
    void withTheCatalogLoggerAndLoggingAreOneUniversalRowNamedLogger() {
        String python = withCatalog.links().get(ref("python:core/logger.md")).featureId();
        String java = withCatalog.links().get(ref("java:core/logging.md")).featureId();
        assertThat(java).isEqualTo(python);

        MatrixRow row = catalogMatrix.rows().stream().filter(r -> r.feature().id().equals(python)).findFirst()
                .orElseThrow();

        assertThat(row.feature().id()).isEqualTo("logger");
        assertThat(row.feature().name()).isEqualTo("Logger");
        assertThat(row.feature().group()).isEqualTo("Core observability");
        assertThat(row.parity()).isEqualTo(Parity.UNIVERSAL);
        assertThat(row.cells()).extracting(ParityCell::status).containsOnly(FeatureStatus.AVAILABLE);
        assertThat(row.feature().aliases()).containsExactly(new Feature.Alias("python", "Logger"),
                new Feature.Alias("typescript", "Logger"), new Feature.Alias("java", "Logging"),
                new Feature.Alias("dotnet", "Logging"), new Feature.Alias("dotnet", "Logger"));
    }

    @Test
    void withoutTheCatalogLoggerIsStillOneUniversalRow() {
        MatrixRow row = bareMatrix.rows().stream()
                .filter(r -> r.feature().id().equals(featureWithoutCatalog("java:core/logging.md"))).findFirst()
                .orElseThrow();

        assertThat(row.feature().name()).isEqualTo("Logger");
        assertThat(row.parity()).isEqualTo(Parity.UNIVERSAL);
    }

    // ------------------------------------------------------------------ (d) sub-pages make no row

    @Test
    void withoutTheCatalogEveryRowRestsOnAnItemThatNamesIt() {
        Set<String> named = withoutCatalog.links().values().stream().filter(l -> !l.supporting())
                .map(FeatureLink::featureId).collect(Collectors.toSet());

        assertThat(bareMatrix.rows()).extracting(r -> r.feature().id()).allMatch(named::contains, "named");
        assertThat(withoutCatalog.links().values()).extracting(FeatureLink::reason).doesNotContain(Reason.SUB_PAGE);
    }

    @Test
    void withoutTheCatalogASubPageAddedToTheCorpusMakesNoRow(@TempDir Path temp) throws IOException {
        // The corpus trees have no sub-pages at these commits: add a Metrics provider page to Python's, as later
        // Powertools versions have it, and read the tree as a sync would.
        Path tree = copy(CorpusFamily.tree("python"), temp.resolve("python"));
        Path mkdocs = tree.resolve("mkdocs.yml");
        String nav = Files.readString(mkdocs);
        String metricsEntry = "          - core/metrics.md\n";
        assertThat(nav).contains(metricsEntry);
        Files.writeString(mkdocs, nav.replace(metricsEntry, metricsEntry + "          - core/metrics/datadog.md\n"));
        Files.createDirectories(tree.resolve("docs/core/metrics"));
        Files.writeString(tree.resolve("docs/core/metrics/datadog.md"),
                "---\ntitle: Datadog\ndescription: Metrics provider\n---\n\nSend metrics to Datadog.\n");
        List<StoredItem> withSubPage = new ArrayList<>(items.stream().filter(i -> !i.language().equals("python"))
                .toList());
        withSubPage.addAll(CorpusFamily.items("python", tree));
        ItemRef datadog = new ItemRef("python", SourceKind.DOCS, "docs/core/metrics/datadog.md");
        assertThat(withSubPage).extracting(StoredItem::ref).contains(datadog);

        Alignment alignment = Aligner.align(CorpusFamily.languageIds(), withSubPage, Catalog.NONE, Curation.NONE);

        FeatureLink link = alignment.links().get(datadog);
        assertThat(link).isNotNull();
        assertThat(link.featureId()).isEqualTo(featureWithoutCatalog("python:core/metrics.md"));
        assertThat(link.reason()).isEqualTo(Reason.SUB_PAGE);
        assertThat(link.supporting()).isTrue();
        assertThat(alignment.features()).isEqualTo(withoutCatalog.features());
    }

    // ------------------------------------------------------------------ helpers

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, String>> documented() {
        return (Map<String, Map<String, String>>) expected.get("documented");
    }

    @SuppressWarnings("unchecked")
    private static List<List<String>> groups(String key) {
        List<List<String>> groups = (List<List<String>>) expected.get(key);
        assertThat(groups).as(key).isNotEmpty();
        return groups;
    }

    /** {@code python:core/logger.md}: the docs item of that language at that page path. */
    private static ItemRef ref(String languageAndPage) {
        int colon = languageAndPage.indexOf(':');
        return new ItemRef(languageAndPage.substring(0, colon), SourceKind.DOCS,
                "docs/" + languageAndPage.substring(colon + 1));
    }

    private static String featureWithoutCatalog(String languageAndPage) {
        FeatureLink link = withoutCatalog.links().get(ref(languageAndPage));
        assertThat(link).as("the alignment link of " + languageAndPage).isNotNull();
        return link.featureId();
    }

    /** Python's "CloudFormation Custom Resources" nav entry links out of the docs: it is keyed by its URL. */
    private static ItemRef pythonCustomResources() {
        return items.stream().filter(i -> i.language().equals("python") && i.source() == SourceKind.DOCS
                && i.facts().title().equals("CloudFormation Custom Resources")).map(StoredItem::ref).findFirst()
                .orElseThrow();
    }

    private static Path copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            files.forEach(file -> {
                try {
                    Path target = to.resolve(from.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        return to;
    }
}
