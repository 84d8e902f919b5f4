package dev.crossroads.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DocsFeatureParserTests {

    private final DocsFeatureParser parser = new DocsFeatureParser(1 << 20);

    private static final String MKDOCS = """
            site_name: Kit
            nav:
              - Homepage:
                  - index.md
                  - Changelog: changelog.md
                  - API reference: api/" target="_blank
              - Core utilities:
                  - core/logger.md
                  - Tracing: core/tracing.md
              - Utilities:
                  - Event Handler:
                      - utilities/handler/rest.md
                  - utilities/batch.md
                  - utilities/flags.md
                  - Custom resources: https://github.com/acme/cfn-helper
              - Processes:
                  - Roadmap: roadmap.md
            markdown_extensions:
              - pymdownx.emoji:
                  emoji_index: !!python/name:material.extensions.emoji.twemoji
              - pymdownx.snippets:
                  check_paths: !ENV [STRICT, false]
            """;

    private static final String HOME = """
            ---
            title: Homepage
            ---
            ## Features

            Utility | Description
            ------- | -----------
            [Logging](./core/logger.md) | Structured logs
            [Tracing](./core/tracing/) | Spans
            [Batch](https://kit.acme.dev/latest/utilities/batch/) | Partial failures
            """;

    private static final Map<String, String> PAGES = Map.of(
            "core/logger.md", "---\ntitle: Logger\ndescription: Core utility\n---\nLogs.",
            "utilities/handler/rest.md", "# REST API\n\nRoutes.",
            "utilities/flags.md", "---\ntitle: Feature flags\n---\n\n!!! warning \"This utility is in beta\"\n");

    @Test
    void featuresComeFromTheNavInOrderWithTheirTitleSources() {
        DocsFeatureList list = parser.parse(MKDOCS, HOME, path -> Optional.ofNullable(PAGES.get(path)));

        assertThat(list.features()).extracting(DocsFeature::name, DocsFeature::pagePath, DocsFeature::navGroup,
                DocsFeature::titleSource).containsExactly(
                        tuple("Logger", "core/logger.md", "Core utilities", TitleSource.FRONT_MATTER),
                        tuple("Tracing", "core/tracing.md", "Core utilities", TitleSource.NAV),
                        tuple("REST API", "utilities/handler/rest.md", "Event Handler", TitleSource.H1),
                        tuple("Batch", "utilities/batch.md", "Utilities", TitleSource.TABLE),
                        tuple("Feature flags", "utilities/flags.md", "Utilities", TitleSource.FRONT_MATTER),
                        tuple("Custom resources", null, "Utilities", TitleSource.NAV));
        assertThat(list.features().get(5).url()).isEqualTo("https://github.com/acme/cfn-helper");
        assertThat(list.features().get(2).navPath()).containsExactly("Utilities", "Event Handler");
        assertThat(list.features().get(4).markers()).containsExactly(Maturity.BETA);
    }

    @Test
    void tableWithoutOuterPipesIsReadAndNamesAreCompared() {
        DocsFeatureList list = parser.parse(MKDOCS, HOME, path -> Optional.ofNullable(PAGES.get(path)));

        assertThat(list.tableRows()).extracting(FeatureTableRow::name, FeatureTableRow::description).containsExactly(
                tuple("Logging", "Structured logs"), tuple("Tracing", "Spans"), tuple("Batch", "Partial failures"));
        assertThat(list.disagreements()).containsExactly(new NameDisagreement("core/logger.md", "Logger", "Logging"));
    }

    @Test
    void withoutPagesTheFileNameIsTheLastResort() {
        DocsFeatureList list = parser.parse("nav:\n  - Utilities:\n      - utilities/large_messages.md\n", null,
                PageSource.none());

        assertThat(list.features()).extracting(DocsFeature::name, DocsFeature::titleSource)
                .containsExactly(tuple("Large messages", TitleSource.PATH));
    }

    @Test
    void missingNavIsAWarningAndBrokenYamlATypedError() {
        assertThat(parser.parse("site_name: Kit\n", "# Kit", PageSource.none()).warnings())
                .extracting(ParseWarning::message).contains("mkdocs.yml has no nav: no features listed");
        assertThatThrownBy(() -> parser.parse("nav: [\n  - a", "", PageSource.none()))
                .isInstanceOf(RoadmapParseException.class).hasMessageStartingWith("mkdocs.yml is not valid YAML");
        assertThatThrownBy(() -> parser.parse("- just\n- a list\n", "", PageSource.none()))
                .isInstanceOf(RoadmapParseException.class).hasMessageContaining("mapping");
    }

    @Test
    void pythonTagsNeverConstructObjects() {
        DocsFeatureList list = parser.parse("""
                nav:
                  - Features:
                      - core/a.md
                hooks: !!python/object/apply:os.system ["echo pwned"]
                """, null, PageSource.none());

        assertThat(list.features()).extracting(DocsFeature::pagePath).isEqualTo(List.of("core/a.md"));
    }

    /**
     * The budget is per document, as documented for {@code crossroads.parse.time-budget}: a tree whose pages take
     * longer together than one budget reads (a 10,000-page tree once failed a cold start-up sync on its total), and a
     * page over its own budget still stops the read.
     */
    @Test
    void theParseBudgetHoldsForEachPageNotForTheWholeTree() {
        Duration budget = Duration.ofMillis(400);
        DocsFeatureParser timed = new DocsFeatureParser(1 << 20, budget);
        timed.parse(MKDOCS, HOME, path -> Optional.ofNullable(PAGES.get(path))); // warm: a cold first parse is slow
        StringBuilder nav = new StringBuilder("nav:\n  - Utilities:\n");
        for (int i = 0; i < 50; i++) {
            nav.append("      - utilities/u").append(i).append(".md\n");
        }
        PageSource slowHost = path -> {
            sleep(Duration.ofMillis(20)); // 50 pages: 1 s in all, more than twice the budget
            return Optional.of("# Utility " + path + "\n\nText.");
        };

        long started = System.nanoTime();
        DocsFeatureList tree = timed.parse(nav.toString(), HOME, slowHost);

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThan(budget);
        assertThat(tree.features()).hasSize(50).first().extracting(DocsFeature::name).isEqualTo("Utility utilities/u0.md");
        DocsFeatureParser spent = new DocsFeatureParser(1 << 20, Duration.ofNanos(1));
        assertThatThrownBy(() -> spent.parse(nav.toString(), null, slowHost))
                .isInstanceOf(ParseBudget.ParseBudgetExceededException.class);
    }

    private static void sleep(Duration pause) {
        try {
            Thread.sleep(pause.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
