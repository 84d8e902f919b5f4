package dev.crossroads.report;

import dev.crossroads.parity.LanguageCoverage;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.MatrixSelection;
import dev.crossroads.parity.ParityMatrix;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What every report format renders: the selected rows of the matrix, in matrix order, with the data version and the
 * time the matrix was built. When there is nothing to show, {@link #notice()} says why instead of an empty table.
 *
 * @param family      the family's display name
 * @param generatedAt when the matrix was built (null before the first build): reports of one data version are
 *                    identical, so they can be cached and validated by ETag
 * @param notice      null when there are rows; else {@link #NO_DATA} or {@link #NO_MATCH}
 */
public record ParityReport(String family, long dataVersion, Instant generatedAt, MatrixSelection selection,
        List<LanguageCoverage> languages, List<MatrixRow> rows, String notice) {

    public static final String NO_DATA = "No data yet: no source has been synced";
    public static final String NO_MATCH = "No feature matches this selection";

    public ParityReport {
        languages = List.copyOf(languages);
        rows = List.copyOf(rows);
    }

    /**
     * @param selected the matrix after {@link MatrixSelection#apply}
     * @param anyData  whether any source has stored an item at all: without, the report says no sync has happened
     *                 rather than that nothing matched
     */
    public static ParityReport of(String family, ParityMatrix selected, MatrixSelection selection, boolean anyData) {
        String notice = !anyData ? NO_DATA : selected.rows().isEmpty() ? NO_MATCH : null;
        Instant built = selected.generatedAt() == null || !selected.generatedAt().isAfter(Instant.EPOCH) ? null
                : selected.generatedAt().truncatedTo(ChronoUnit.SECONDS);
        return new ParityReport(family, selected.dataVersion(), built, selection, selected.languages(),
                anyData ? selected.rows() : List.of(), notice);
    }

    /** "Data version 12, matrix built 2025-06-01T10:00:00Z", the line every human-readable format starts with. */
    public String provenance() {
        return "Data version " + dataVersion + ", matrix built " + (generatedAt == null ? "not yet" : generatedAt);
    }

    /** The selection in words ("languages python, java; group Data; query -available_on:java"), or null. */
    public String selectionText() {
        if (selection.unfiltered()) {
            return null;
        }
        StringBuilder text = new StringBuilder();
        if (!selection.languages().isEmpty()) {
            text.append("languages ").append(String.join(", ", selection.languages()));
        }
        if (selection.group() != null) {
            text.append(text.isEmpty() ? "" : "; ").append("group ").append(selection.group());
        }
        if (selection.query() != null) {
            text.append(text.isEmpty() ? "" : "; ").append("query ").append(selection.query());
        }
        return text.toString();
    }

    /** "Python 10/12 (83%)". */
    static String coverage(LanguageCoverage language) {
        return language.name() + " " + language.shipped() + "/" + language.total() + " ("
                + Math.round(language.coverage() * 100) + "%)";
    }
}
