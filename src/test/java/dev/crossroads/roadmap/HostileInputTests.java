package dev.crossroads.roadmap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Pages built to hurt: deep nesting, huge lines, huge lists, broken encodings. Each must parse (or fail with the
 * typed error) well within a generous guard; the guard catches runaway behaviour, it is not a benchmark.
 */
class HostileInputTests {

    private static final Duration GUARD = Duration.ofSeconds(10);
    private final RoadmapParser parser = new RoadmapParser();

    @Test
    void tenThousandNestedBlockQuotes() {
        String page = "## Key areas\n\n### Deep\n\n" + ">".repeat(10_000) + " bottom\n";
        RoadmapDocument doc = parse(page);
        assertThat(doc.items()).hasSize(1);
    }

    @Test
    void tenThousandNestedLists() {
        // "- - - x" opens a list inside a list on one line: 10,000 levels in 20 kB
        String page = "## Key areas\n\n### Deep\n\n" + "- ".repeat(10_000) + "[ ] bottom\n\n- [x] shallow\n";
        RoadmapDocument doc = parse(page);
        assertThat(doc.items()).hasSize(1);
        assertThat(doc.items().get(0).checklist()).extracting(ChecklistEntry::text).contains("shallow");
        assertThat(doc.warnings()).extracting(ParseWarning::message)
                .contains("line opens 10000 nested lists or quotes at once; read as 32");
    }

    @Test
    void aHundredThousandListMarkersOnOneLine() {
        // 200 kB that cost commonmark 18 s of CPU (quadratic thematic-break checks); flattened first, it is cheap
        String page = "## Key areas\n\n### Deep\n\n" + "- ".repeat(100_000) + "x\n";
        RoadmapDocument doc = parse(page);
        assertThat(doc.items()).hasSize(1);
        assertThat(doc.warnings()).extracting(ParseWarning::line, ParseWarning::message)
                .contains(tuple(5, "line opens 100000 nested lists or quotes at once; read as 32"));
    }

    @Test
    void aParseOverItsBudgetStopsWithTheTypedError() {
        String page = "## Key areas\n\n" + "### Item\n\n- [ ] task\n\n".repeat(20_000);
        RoadmapParser stingy = new RoadmapParser(Duration.ofNanos(1));
        assertThatThrownBy(() -> stingy.parse(page)).isInstanceOf(ParseBudget.ParseBudgetExceededException.class)
                .hasMessage("reading the document took longer than its budget of 0 ms");
        // the same page within an ordinary budget reads, on the same thread: no budget is left behind
        assertThat(parser.parse(page).items()).hasSize(20_000);
    }

    @Test
    void tenThousandNestedLinksAndEmphasis() {
        String page = "## Themes\n\n### " + "[".repeat(10_000) + "x" + "](u)".repeat(10_000) + "\n\n"
                + "*".repeat(10_000) + "text" + "*".repeat(10_000) + "\n\n" + "<b>".repeat(10_000) + "\n";
        RoadmapDocument doc = parse(page);
        assertThat(doc.items()).hasSize(1);
    }

    @Test
    void aOneMegabyteLine() {
        String page = "## Themes\n\n### Long\n\n" + "word ".repeat(210_000) + "\n";
        RoadmapDocument doc = parse(page);
        assertThat(doc.items().get(0).description()).hasSizeGreaterThan(1_000_000);
    }

    @Test
    void aHundredThousandListItems() {
        StringBuilder page = new StringBuilder("## Key areas\n\n### Many\n\n");
        for (int i = 0; i < 100_000; i++) {
            page.append("- [").append(i % 3 == 0 ? 'x' : ' ').append("] task ").append(i).append('\n');
        }
        RoadmapDocument doc = parse(page.toString());
        assertThat(doc.items().get(0).progress()).isEqualTo(new Progress(33_334, 100_000));
    }

    @Test
    void aHundredThousandHeadings() {
        StringBuilder page = new StringBuilder("## Themes\n\n");
        for (int i = 0; i < 100_000; i++) {
            page.append("### Same title\n");
        }
        RoadmapDocument doc = parse(page.toString());
        assertThat(doc.items()).hasSize(100_000);
        assertThat(doc.items().get(99_999).id()).isEqualTo("themes/same-title-100000");
    }

    @Test
    void invalidUtf8DecodedLenientlyStillParses() {
        byte[] bytes = "## Themes\n\n### Caf\u00e9 \u00ff\u00fe\n".getBytes(StandardCharsets.ISO_8859_1);
        RoadmapDocument doc = parse(new String(bytes, StandardCharsets.UTF_8));
        assertThat(doc.items()).hasSize(1);
        assertThat(doc.items().get(0).title()).contains("\uFFFD");
    }

    private RoadmapDocument parse(String page) {
        return assertTimeoutPreemptively(GUARD, () -> parser.parse(page));
    }
}
