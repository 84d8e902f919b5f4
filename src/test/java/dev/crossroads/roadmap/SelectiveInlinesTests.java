package dev.crossroads.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.commonmark.node.Emphasis;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A parser that reads the inlines of some blocks only ({@link Markdown#readingInlinesOf}) must read those blocks
 * exactly as the full parser does; the docs home page's features table is read that way.
 */
class SelectiveInlinesTests {

    @BeforeAll
    static void corpusMustBeThere() {
        CorpusConformanceTests.corpusMustBeThere();
    }

    @Test
    void onlyTheChosenBlocksGetInlineContent() {
        Node document = Markdown.parse("# The *Logger*\n\nSome *emphasis* here\n",
                Markdown.readingInlinesOf(block -> block instanceof Heading));

        Node heading = document.getFirstChild();
        assertThat(heading).isInstanceOf(Heading.class);
        assertThat(Markdown.plainText(heading)).isEqualTo("The Logger");
        assertThat(heading.getLastChild()).isInstanceOf(Emphasis.class);
        Node paragraph = heading.getNext();
        assertThat(paragraph).isInstanceOf(Paragraph.class);
        assertThat(paragraph.getFirstChild()).as("a paragraph nobody reads is left unparsed").isNull();
    }

    @Test
    void aReferenceDefinedInABlockLeftUnreadStillResolves() {
        String page = """
                # Home

                | Utility | Description |
                | ------- | ----------- |
                | [Tracer][tracer] | Traces *calls* |

                Prose about [the logger][logger], not read.

                [tracer]: ./core/tracer.md
                [logger]: ./core/logger.md
                """;

        List<FeatureTableRow> rows = DocsFeatureParser.featuresTable(DocsFeatureParser.readAsHomePage(page)).orElseThrow();

        assertThat(rows).containsExactly(new FeatureTableRow("Tracer", "./core/tracer.md", "Traces calls"));
        assertThat(rows).isEqualTo(DocsFeatureParser.featuresTable(Markdown.parse(page)).orElseThrow());
    }

    @Test
    void everyCorpusPageHasTheSameFeaturesTableReadSelectively() throws IOException {
        List<Path> pages = CorpusConformanceTests.markdownFiles();
        assertThat(pages).hasSizeGreaterThan(60);
        int withTable = 0;
        for (Path file : pages) {
            String page = Files.readString(file);
            Optional<List<FeatureTableRow>> selective =
                    DocsFeatureParser.featuresTable(DocsFeatureParser.readAsHomePage(page));
            assertThat(selective).as(file.toString()).isEqualTo(DocsFeatureParser.featuresTable(Markdown.parse(page)));
            if (selective.isPresent()) {
                withTable++;
                assertThat(selective.get()).as(file.toString()).isNotEmpty()
                        .anySatisfy(row -> assertThat(row.link()).isNotBlank());
            }
        }
        assertThat(withTable).as("corpus pages with a features table").isGreaterThanOrEqualTo(4);
    }

    @Test
    void linksInATableCellAreReadAsByTheFullParser() {
        String page = "| Feature | Description |\n|---|---|\n| [Idempotency](utilities/idempotency.md) | Makes *it* safe |\n";
        Node cells = DocsFeatureParser.readAsHomePage(page);
        List<Link> links = Markdown.links(cells);
        assertThat(links).extracting(Link::getDestination).containsExactly("utilities/idempotency.md");
    }
}
