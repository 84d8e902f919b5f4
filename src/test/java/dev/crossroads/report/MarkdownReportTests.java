package dev.crossroads.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.parity.MatrixSelection;
import dev.crossroads.parity.Parity;
import dev.crossroads.parity.ParityMatrix;
import dev.crossroads.roadmap.FeatureStatus;
import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.AbstractVisitor;
import org.commonmark.node.Code;
import org.commonmark.node.CustomBlock;
import org.commonmark.node.CustomNode;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Link;
import org.commonmark.node.Node;
import org.commonmark.node.Text;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;

/** The Markdown report read back by a GFM parser (commonmark-java with the tables extension), as GitHub reads it. */
class MarkdownReportTests {

    private static final Parser GFM = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    @Test
    void aShippedCellNamesTheReleaseThatShippedItAndAnAbsentOneNothing() {
        java.time.Instant since = java.time.Instant.parse("2025-03-01T08:30:00Z");
        var released = new dev.crossroads.parity.ParityCell("python", FeatureStatus.AVAILABLE, since, since, "v1.2.0",
                null, null, null, List.of(), List.of(), List.of());
        assertThat(MarkdownReport.when(released)).isEqualTo(" since 2025-03-01 (v1.2.0)");
        assertThat(MarkdownReport.when(ReportFixtures.cell("java", FeatureStatus.ABSENT))).isEmpty();
    }

    @Test
    void aTableWithASymbolAndAWordPerCellParityCoverageAndProvenance() {
        String markdown = MarkdownReport.render(ReportFixtures.report());

        assertThat(markdown).startsWith("# Feature parity: Gizmo\n\nData version 7, matrix built 2025-06-01T10:00:00Z");
        assertThat(table(markdown)).containsExactly(
                List.of("Feature", "Group", "Parity", "Python", "Java"),
                List.of("Logger", "Core", "universal since 2025-03-01", "✅ available since 2025-03-01",
                        "✅ available since 2025-03-01"),
                List.of("Batch", "Data", "unique", "✅ available since 2025-03-01", "🚧 in progress since 2025-03-01"));
        assertThat(markdown).contains("Coverage (shipped / shipped anywhere): Python 2/2 (100%) · Java 1/2 (50%)")
                .contains("🚫 not planned").contains("➖ absent");
    }

    @Test
    void pipesLineBreaksAndMarkupInNamesStayTextInsideTheirCell() {
        String hostile = "A | B\nC *bold* [link](https://evil.example) <img src=x onerror=alert(1)> `code` \\| end";
        String markdown = MarkdownReport.render(ReportFixtures.report(ReportFixtures.row("x", hostile, "G|roup",
                Parity.UNIQUE, FeatureStatus.AVAILABLE, FeatureStatus.ABSENT)));

        List<List<String>> table = table(markdown);
        assertThat(table).hasSize(4);
        assertThat(table.get(3)).containsExactly(
                "A | B C *bold* [link](https://evil.example) <img src=x onerror=alert(1)> `code` \\| end", "G|roup",
                "unique", "✅ available since 2025-03-01", "➖ absent");
        assertThat(markup(markdown)).as("links, code, inline HTML made from the text").isEmpty();
    }

    @Test
    void selectionIsNamedInTheProvenanceLine() {
        MatrixSelection selection = new MatrixSelection(List.of("python"), "Data", "-available_on:java");
        ParityReport report = ParityReport.of("Gizmo", new ParityMatrix(7, ReportFixtures.BUILT,
                ReportFixtures.LANGUAGES, ReportFixtures.report().rows()), selection, true);

        assertThat(MarkdownReport.render(report))
                .contains("Selection: languages python; group Data; query -available\\_on:java.");
    }

    @Test
    void withNoDataItSaysSoInsteadOfAnEmptyTable() {
        String markdown = MarkdownReport.render(ReportFixtures.noData());

        assertThat(markdown).contains("**No data yet: no source has been synced.**")
                .contains("matrix built not yet").doesNotContain("| Feature");
        assertThat(table(markdown)).isEmpty();
    }

    @Test
    void whenNothingMatchesItSaysSo() {
        ParityReport report = ParityReport.of("Gizmo", new ParityMatrix(7, ReportFixtures.BUILT,
                ReportFixtures.LANGUAGES, List.of()), new MatrixSelection(List.of(), null, "id:nothing"), true);

        assertThat(MarkdownReport.render(report)).contains("**No feature matches this selection.**")
                .doesNotContain("| Feature");
    }

    /** Every table row as the text of its cells. */
    private static List<List<String>> table(String markdown) {
        List<List<String>> rows = new ArrayList<>();
        GFM.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(CustomNode node) {
                if (node instanceof TableRow) {
                    List<String> cells = new ArrayList<>();
                    for (Node cell = node.getFirstChild(); cell != null; cell = cell.getNext()) {
                        cells.add(text(cell));
                    }
                    rows.add(cells);
                    return;
                }
                visitChildren(node);
            }

            @Override
            public void visit(CustomBlock node) {
                if (node instanceof TableBlock) {
                    visitChildren(node);
                }
            }
        });
        return rows;
    }

    private static String text(Node cell) {
        assertThat(cell).isInstanceOf(TableCell.class);
        StringBuilder text = new StringBuilder();
        cell.accept(new AbstractVisitor() {
            @Override
            public void visit(Text node) {
                text.append(node.getLiteral());
            }

            @Override
            public void visit(Code node) {
                text.append('`').append(node.getLiteral()).append('`');
            }
        });
        return text.toString();
    }

    /** Nodes that only markup, not text, would make. */
    private static List<String> markup(String markdown) {
        List<String> found = new ArrayList<>();
        GFM.parse(markdown).accept(new AbstractVisitor() {
            @Override
            public void visit(Link node) {
                found.add("link " + node.getDestination());
            }

            @Override
            public void visit(Code node) {
                found.add("code " + node.getLiteral());
            }

            @Override
            public void visit(HtmlInline node) {
                found.add("html " + node.getLiteral());
            }
        });
        return found;
    }
}
