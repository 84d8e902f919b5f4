package dev.crossroads.report;

import dev.crossroads.parity.LanguageCoverage;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.ParityCell;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * The matrix as a GitHub-flavoured Markdown table, ready to paste into a README or keep as {@code PARITY.md}: a
 * provenance line, one row per feature with its parity and a symbol plus a word per language, coverage and a legend.
 * Every text read from a source is escaped ({@link #text}): a title cannot end a cell, start a link or smuggle HTML.
 */
public final class MarkdownReport {

    private MarkdownReport() {
    }

    public static String render(ParityReport report) {
        StringBuilder out = new StringBuilder();
        out.append("# Feature parity: ").append(text(report.family())).append("\n\n");
        out.append(report.provenance()).append(" by Crossroads.");
        if (report.selectionText() != null) {
            out.append(" Selection: ").append(text(report.selectionText())).append('.');
        }
        out.append("\n\n");
        if (report.notice() != null) {
            out.append("**").append(report.notice()).append(".**\n");
            return out.toString();
        }
        out.append("| Feature | Group | Parity |");
        report.languages().forEach(l -> out.append(' ').append(text(l.name())).append(" |"));
        out.append("\n|---|---|---|");
        report.languages().forEach(l -> out.append("---|"));
        out.append('\n');
        for (MatrixRow row : report.rows()) {
            out.append("| ").append(text(row.feature().name())).append(" | ")
                    .append(text(row.feature().group())).append(" | ").append(parity(row)).append(" |");
            for (LanguageCoverage language : report.languages()) {
                out.append(' ').append(row.cell(language.language()).map(MarkdownReport::cell).orElse(""))
                        .append(" |");
            }
            out.append('\n');
        }
        out.append("\nCoverage (shipped / shipped anywhere): ").append(report.languages().stream()
                .map(l -> text(ParityReport.coverage(l))).collect(Collectors.joining(" · "))).append("\n\n");
        out.append("Status: ").append(StatusLabel.legend()).append(". Parity: universal = shipped in every language,"
                + " partial = in several, unique = in one, none = in none yet.\n");
        return out.toString();
    }

    private static String cell(ParityCell cell) {
        return StatusLabel.of(cell.status()).text() + when(cell).replace("|", "\\|");
    }

    /** " since 2021-02-12 (v1.10.3)": when the cell entered its status and, once shipped, the release that did. */
    static String when(ParityCell cell) {
        if (cell.status() == dev.crossroads.roadmap.FeatureStatus.ABSENT || cell.since() == null) {
            return "";
        }
        return " since " + day(cell.since()) + (cell.versionAdded() == null ? "" : " (" + cell.versionAdded() + ")");
    }

    private static String parity(MatrixRow row) {
        String word = StatusLabel.parityWord(row.parity());
        return row.universalSince() == null ? word : word + " since " + day(row.universalSince());
    }

    static String day(Instant time) {
        return time.toString().substring(0, 10);
    }

    /**
     * Text as it reads, whatever Markdown would make of it: line breaks become spaces, ASCII punctuation that
     * Markdown or a table reads ({@code | * _ ` [ ] < > ~ & # !}) is backslash-escaped, and a backslash itself becomes
     * {@code &#92;} (a backslash-escaped one would swallow the escape of a following {@code |}, which GFM tables undo
     * before inline parsing).
     */
    static String text(String raw) {
        if (raw == null) {
            return "";
        }
        String flat = raw.replace("\r\n", " ").replace('\r', ' ').replace('\n', ' ').strip();
        StringBuilder out = new StringBuilder(flat.length() + 8);
        for (int i = 0; i < flat.length(); i++) {
            char c = flat.charAt(i);
            switch (c) {
                case '\\' -> out.append("&#92;");
                case '|', '*', '_', '`', '[', ']', '<', '>', '~', '&', '#', '!' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
