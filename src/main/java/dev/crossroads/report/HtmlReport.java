package dev.crossroads.report;

import dev.crossroads.parity.LanguageCoverage;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.ParityCell;
import java.util.Optional;
import org.apache.commons.text.StringEscapeUtils;

/**
 * The matrix as a standalone, printable HTML page. It has no script and no inline style (its stylesheet is
 * {@code /report.css}, so a {@code style-src 'self'} policy holds), and every text is escaped: roadmap titles are
 * written by anyone who can open a pull request. Attribute values are only class names of our own.
 */
public final class HtmlReport {

    private HtmlReport() {
    }

    public static String render(ParityReport report) {
        String family = escape(report.family());
        StringBuilder out = new StringBuilder(4096);
        out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>Feature parity: ").append(family).append("</title>\n")
                .append("<link rel=\"stylesheet\" href=\"/report.css\">\n</head>\n<body>\n<main>\n")
                .append("<h1>Feature parity: ").append(family).append("</h1>\n")
                .append("<p class=\"provenance\">").append(escape(report.provenance())).append(" by Crossroads.");
        if (report.selectionText() != null) {
            out.append(" Selection: ").append(escape(report.selectionText())).append('.');
        }
        out.append("</p>\n");
        if (report.notice() != null) {
            out.append("<p class=\"notice\">").append(escape(report.notice())).append(".</p>\n</main>\n</body>\n"
                    + "</html>\n");
            return out.toString();
        }
        table(report, out);
        out.append("<p class=\"coverage\">Coverage (shipped / shipped anywhere): ");
        for (int i = 0; i < report.languages().size(); i++) {
            out.append(i == 0 ? "" : " · ").append(escape(ParityReport.coverage(report.languages().get(i))));
        }
        out.append("</p>\n<p class=\"legend\">Status: ").append(escape(StatusLabel.legend()))
                .append(". Parity: universal = shipped in every language, partial = in several, unique = in one,"
                        + " none = in none yet.</p>\n</main>\n</body>\n</html>\n");
        return out.toString();
    }

    private static void table(ParityReport report, StringBuilder out) {
        out.append("<table>\n<caption>Features × languages</caption>\n<thead>\n<tr><th scope=\"col\">Feature</th>"
                + "<th scope=\"col\">Group</th><th scope=\"col\">Parity</th>");
        for (LanguageCoverage language : report.languages()) {
            out.append("<th scope=\"col\">").append(escape(language.name())).append("</th>");
        }
        out.append("</tr>\n</thead>\n<tbody>\n");
        for (MatrixRow row : report.rows()) {
            out.append("<tr><th scope=\"row\">").append(escape(row.feature().name())).append("</th><td>")
                    .append(escape(row.feature().group())).append("</td><td class=\"parity-")
                    .append(StatusLabel.parityWord(row.parity())).append("\">")
                    .append(escape(StatusLabel.parityWord(row.parity())));
            if (row.universalSince() != null) {
                out.append(" since ").append(MarkdownReport.day(row.universalSince()));
            }
            out.append("</td>");
            for (LanguageCoverage language : report.languages()) {
                Optional<ParityCell> cell = row.cell(language.language());
                if (cell.isEmpty()) {
                    out.append("<td></td>");
                    continue;
                }
                StatusLabel label = StatusLabel.of(cell.get().status());
                out.append("<td class=\"status ").append(label.cssClass()).append("\">")
                        .append("<span aria-hidden=\"true\">").append(label.symbol()).append("</span> ")
                        .append(label.word()).append(escape(MarkdownReport.when(cell.get()))).append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
    }

    static String escape(String text) {
        return text == null ? "" : StringEscapeUtils.escapeHtml4(text);
    }
}
