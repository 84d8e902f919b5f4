package dev.crossroads.parity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CatalogYamlTests {

    /** The groups the shipped catalog's header promises. */
    private static final Set<String> GROUPS = Set.of("Core observability", "Event handler", "Data", "Integrations",
            "Developer experience");

    private static final Path SHIPPED = Path.of("config/features.yaml");

    private static Catalog shipped() throws IOException {
        assertThat(SHIPPED).as("the shipped catalog, relative to the project directory").isRegularFile();
        return CatalogYaml.catalog(Files.readString(SHIPPED));
    }

    // ------------------------------------------------------------------ the shipped catalog

    @Test
    void theShippedCatalogParses() throws IOException {
        Catalog catalog = shipped();
        long entries = Files.readAllLines(SHIPPED).stream().filter(line -> line.startsWith("  - id: ")).count();

        assertThat(entries).isEqualTo(29);
        assertThat(catalog.features()).as("one feature per entry").hasSize((int) entries);
        assertThat(catalog.features().get(0).id()).isEqualTo("logger");
        CatalogFeature logger = catalog.features().get(0);
        assertThat(logger.name()).isEqualTo("Logger");
        assertThat(logger.group()).isEqualTo("Core observability");
        assertThat(logger.names()).containsOnlyKeys("python", "typescript", "java", "dotnet");
        assertThat(logger.names().get("java")).containsExactly("Logging", "core/logging.md");
    }

    @Test
    void theShippedCatalogHasUniqueIds() throws IOException {
        List<String> ids = shipped().features().stream().map(CatalogFeature::id).toList();

        assertThat(new HashSet<>(ids)).hasSameSizeAs(ids);
        assertThat(ids).allMatch(id -> id.matches("[a-z0-9][a-z0-9-]*"), "lowercase slug");
    }

    @Test
    void everyShippedFeatureHasAKnownGroupANameAndNames() throws IOException {
        for (CatalogFeature feature : shipped().features()) {
            assertThat(feature.group()).as(feature.id() + " group").isIn(GROUPS);
            assertThat(feature.name()).as(feature.id() + " name").isNotBlank();
            assertThat(feature.names()).as(feature.id() + " names").isNotEmpty();
            feature.names().forEach((language, names) -> {
                assertThat(language).as(feature.id() + " language").isIn("python", "typescript", "java", "dotnet");
                assertThat(names).as(feature.id() + "." + language).isNotEmpty().allMatch(n -> !n.isBlank());
            });
        }
    }

    @Test
    void theShippedCatalogCoversEveryFeatureTheCorpusExpects() throws IOException {
        Set<String> ids = new HashSet<>(shipped().features().stream().map(CatalogFeature::id).toList());

        assertThat(ids).contains("logger", "tracer", "metrics", "event-handler-rest", "event-handler-graphql",
                "parameters", "batch", "typing", "validation", "event-source-data-classes", "parser", "idempotency",
                "feature-flags", "streaming", "middleware-factory", "jmespath-functions", "custom-resources",
                "large-messages", "serialization");
    }

    // ------------------------------------------------------------------ round trip

    @Test
    void curationSurvivesAWriteAndARead() {
        ItemRef javaLogging = new ItemRef("java", SourceKind.DOCS, "docs/core/logging.md");
        ItemRef pythonTheme = new ItemRef("python", SourceKind.ROADMAP, "themes/office-hours");
        ItemRef board = new ItemRef("typescript", SourceKind.BOARD,
                "board/https://github.com/aws-powertools/powertools-lambda-typescript/issues/1234");
        Curation original = new Curation(
                List.of(new CatalogFeature("logger", "Logger", "Core observability",
                                "Structured JSON logging: sampling, correlation ids # not a comment",
                                Map.of("python", List.of("Logger", "core/logger.md"),
                                        "java", List.of("Logging", "core/logging.md"))),
                        new CatalogFeature("event-handler-rest", "Event Handler: REST/HTTP API", "Event handler", null,
                                Map.of("python", List.of("REST API", "Event handler: API Gateway, ALB"))),
                        new CatalogFeature("data-masking", null, null, null, Map.of()),
                        new CatalogFeature("yes", "Null", "On", "123", Map.of("dotnet", List.of("true", "1.5")))),
                List.of(new Curation.Link(javaLogging, "logger"), new Curation.Link(pythonTheme, null),
                        new Curation.Link(board, "data-masking")),
                List.of(new Curation.Merge("logging", "logger"), new Curation.Merge("tracing", "tracer")),
                List.of(new Curation.Link(javaLogging, "tracer")));

        String yaml = CatalogYaml.write(original);
        Curation read = CatalogYaml.read(yaml);

        assertThat(read).isEqualTo(original);
        assertThat(read.links().get(1).featureId()).isNull();
        assertThat(CatalogYaml.write(read)).isEqualTo(yaml);
    }

    @Test
    void aCatalogWithoutExtrasWritesOnlyFeatures() {
        Curation catalogOnly = new Curation(List.of(new CatalogFeature("logger", "Logger", "Core observability",
                null, Map.of("python", List.of("Logger")))), List.of(), List.of(), List.of());

        String yaml = CatalogYaml.write(catalogOnly);

        assertThat(yaml).startsWith("features:").doesNotContain("links:", "merges:", "rejected:");
        assertThat(CatalogYaml.catalog(yaml).features()).isEqualTo(catalogOnly.features());
    }

    @Test
    void anEmptyDocumentIsNoCuration() {
        assertThat(CatalogYaml.read("")).isEqualTo(Curation.NONE);
        assertThat(CatalogYaml.read("# only a comment\n")).isEqualTo(Curation.NONE);
    }

    // ------------------------------------------------------------------ errors name the place

    @Test
    void anUnknownTopKeyIsAnError() {
        assertInvalid("""
                features: []
                feature:
                  - id: logger
                """, "the document: unknown key 'feature'");
    }

    @Test
    void anUnknownFeatureKeyIsAnError() {
        assertInvalid("""
                features:
                  - id: logger
                  - id: tracer
                    nmae: Tracer
                """, "features[1]: unknown key 'nmae'");
    }

    @Test
    void aMissingIdIsAnError() {
        assertInvalid("""
                features:
                  - id: logger
                  - name: Tracer
                """, "features[1].id: missing");
    }

    @Test
    void anUppercaseIdIsAnError() {
        assertInvalid("""
                features:
                  - id: logger
                  - id: Tracer
                """, "features[1].id: 'Tracer'");
    }

    @Test
    void anIdWithASpaceIsAnError() {
        assertInvalid("""
                features:
                  - id: data masking
                """, "features[0].id: 'data masking'");
    }

    @Test
    void aDuplicateIdIsAnError() {
        assertInvalid("""
                features:
                  - id: logger
                  - id: tracer
                  - id: logger
                """, "features[2]: duplicate id 'logger'");
    }

    @Test
    void namesThatAreNotAListAreAnError() {
        assertInvalid("""
                features:
                  - id: logger
                    names:
                      python: Logger
                """, "features[0].names.python: expected a list");
    }

    @Test
    void namesThatAreNotAMappingAreAnError() {
        assertInvalid("""
                features:
                  - id: logger
                    names: [Logger, Logging]
                """, "features[0].names: expected a mapping");
    }

    @Test
    void aLinkWithAnUnknownSourceIsAnError() {
        assertInvalid("""
                features: []
                links:
                  - {language: java, source: docs, item: docs/core/logging.md, feature: logger}
                  - {language: java, source: wiki, item: Logging, feature: logger}
                """, "links[1].source: 'WIKI' is not ROADMAP, DOCS or BOARD");
    }

    @Test
    void aRejectedSuggestionNeedsAFeature() {
        assertInvalid("""
                rejected:
                  - {language: java, source: DOCS, item: docs/core/logging.md}
                """, "rejected[0].feature: missing");
    }

    @Test
    void invalidYamlIsAnErrorNamingTheLine() {
        // a tab may not indent YAML; the scanner stops at line 3
        assertInvalid("features:\n  - id: logger\n\tname: Logger\n", "line 3");
    }

    @Test
    void aDocumentOverTheSizeLimitIsAnError() {
        String huge = "features: []\n" + "#".repeat(4 * 1024 * 1024) + "\n";

        assertInvalid(huge, "the document is over 4194304 characters");
    }

    private static void assertInvalid(String yaml, String place) {
        assertThatThrownBy(() -> CatalogYaml.read(yaml)).isExactlyInstanceOf(InvalidCatalogException.class)
                .hasMessageContaining(place);
    }
}
