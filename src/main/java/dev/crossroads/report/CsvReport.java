package dev.crossroads.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.crossroads.parity.LanguageCoverage;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.ParityCell;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The matrix as CSV (RFC 4180, through jackson-dataformat-csv): a header row, then one row per feature with
 * {@code feature_id, feature_name, group, parity, universal_since} and, per language, {@code <id>} (the status, as
 * in GraphQL: AVAILABLE, IN_PROGRESS, …), {@code <id>_since} (when the cell entered that status, ISO-8601) and
 * {@code <id>_version} (the first release that shipped it, when the repository's history was read).
 *
 * <p>With nothing to show the file is the header alone: the reason travels beside it (the HTTP answer's
 * {@code X-Crossroads-Notice}, the report command's message), so that a consumer reading columns never meets a row
 * that is not a feature. A field starting with {@code = + - @}, tab or carriage return is prefixed with {@code '}, so
 * a spreadsheet shows a hostile title as text instead of running it as a formula.
 */
public final class CsvReport {

    private static final CsvMapper MAPPER = new CsvMapper();

    private CsvReport() {
    }

    public static String render(ParityReport report) {
        List<String> header = new ArrayList<>(List.of("feature_id", "feature_name", "group", "parity",
                "universal_since"));
        for (LanguageCoverage language : report.languages()) {
            header.add(language.language());
            header.add(language.language() + "_since");
            header.add(language.language() + "_version");
        }
        CsvSchema.Builder schema = CsvSchema.builder().setUseHeader(true);
        header.forEach(schema::addColumn);
        List<List<String>> rows = new ArrayList<>();
        for (MatrixRow row : report.rows()) {
            List<String> fields = new ArrayList<>(List.of(field(row.feature().id()), field(row.feature().name()),
                    field(row.feature().group()), row.parity().name(), time(row.universalSince())));
            for (LanguageCoverage language : report.languages()) {
                Optional<ParityCell> cell = row.cell(language.language());
                fields.add(cell.map(c -> c.status().name()).orElse(""));
                fields.add(cell.map(c -> time(c.since())).orElse(""));
                fields.add(cell.map(c -> field(c.versionAdded())).orElse(""));
            }
            rows.add(fields);
        }
        try {
            return MAPPER.writer(schema.build()).writeValueAsString(rows);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // writing strings to a string: not expected
        }
    }

    private static String time(Instant time) {
        return time == null ? "" : time.toString();
    }

    /** Text from a source, defused for spreadsheets (see the class comment). */
    static String field(String text) {
        if (text == null || text.isEmpty()) {
            return "";
        }
        char first = text.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                ? "'" + text : text;
    }
}
