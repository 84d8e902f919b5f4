package dev.crossroads.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reading a docs page's header from its lead must give exactly what reading the whole page gives. */
class PageLeadTests {

    @BeforeAll
    static void corpusMustBeThere() {
        CorpusConformanceTests.corpusMustBeThere();
    }

    @Test
    void cutsAtTheFirstBlankLineAfterTheLead() {
        String page = "# Title\n\nfirst paragraph\ncontinues\n\nsecond\n";
        assertThat(PageLead.of(page, 10)).isEqualTo("# Title\n\nfirst paragraph\ncontinues\n\n");
        assertThat(PageLead.of(page, 3)).isEqualTo("# Title\n\n");
    }

    @Test
    void aShortPageOrOneWithoutABlankLineLaterIsWhole() {
        assertThat(PageLead.of("# Title\n\ntext\n", 100)).isEqualTo("# Title\n\ntext\n");
        assertThat(PageLead.of("# Title\n\ntext\nmore text\nno break after here", 10))
                .isEqualTo("# Title\n\ntext\nmore text\nno break after here");
    }

    @Test
    void aReferenceDefinedAfterTheCutKeepsThePageWhole() {
        String page = "# The [Logger][docs]\n\nparagraph\n\nmore\n\n[docs]: https://example.org\n";
        assertThat(PageLead.of(page, 5)).isEqualTo(page);
        assertThat(header(page).h1()).isEqualTo("The Logger");
    }

    @Test
    void blocksCutInsideACodeFenceAreReadFromALongerLead() {
        StringBuilder page = new StringBuilder("# Tracer\n\n```python\n");
        for (int i = 0; i < 400; i++) {
            page.append("line = ").append(i).append("\n\n"); // blank lines inside the fence
        }
        page.append("```\n\n!!! warning \"This utility is in beta\"\n");
        for (int i = 0; i < 20; i++) {
            page.append("\nparagraph ").append(i).append('\n');
        }
        DocsFeatureParser.PageHeader header = header(page.toString());
        assertThat(header).isEqualTo(DocsFeatureParser.header(Markdown.parse(page.toString())));
        assertThat(header.markers()).isNotEmpty();
    }

    @Test
    void everyCorpusPageHasTheSameHeaderFromItsLead() throws IOException {
        List<Path> pages = CorpusConformanceTests.markdownFiles();
        assertThat(pages).hasSizeGreaterThan(60);
        int cut = 0;
        for (Path file : pages) {
            String page = Files.readString(file);
            assertThat(header(page)).as(file.toString()).isEqualTo(DocsFeatureParser.header(Markdown.parse(page)));
            if (PageLead.of(page, 2_048).length() < page.length()) {
                cut++;
            }
        }
        assertThat(cut).as("pages read from a lead shorter than the page").isGreaterThan(pages.size() / 4);
    }

    private static DocsFeatureParser.PageHeader header(String page) {
        return DocsFeatureParser.header(DocsFeatureParser.firstBlocks(page));
    }
}
