package dev.crossroads.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

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
}
