package dev.crossroads.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.crossroads.parity.Disagreement;
import dev.crossroads.parity.LanguageCoverage;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.ParityCell;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * The matrix as JSON, in a shape kept stable for scripts (documented in README.md, "Reports and feed"): provenance,
 * the selection, a {@code message} (null unless there is nothing to show, then the reason and {@code rows: []}),
 * coverage per language and one row per feature with one cell per language in family order. Times are ISO-8601.
 */
public final class JsonReport {

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String render(ParityReport report) {
        Document document = new Document(report.family(), report.dataVersion(), time(report.generatedAt()),
                new Selection(report.selection().languages(), report.selection().group(), report.selection().query()),
                report.notice(), report.languages().stream().map(JsonReport::language).toList(),
                report.rows().stream().map(JsonReport::row).toList());
        try {
            return MAPPER.writeValueAsString(document) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e); // records of strings and numbers: not expected
        }
    }

    private static Language language(LanguageCoverage l) {
        return new Language(l.language(), l.name(), l.shipped(), l.total(), l.coverage());
    }

    private static Row row(MatrixRow row) {
        return new Row(row.feature().id(), row.feature().name(), row.feature().group(), row.parity().name(),
                time(row.universalSince()), row.cells().stream().map(JsonReport::cell).toList());
    }

    private static Cell cell(ParityCell cell) {
        return new Cell(cell.language(), cell.status().name(), time(cell.since()), time(cell.availableSince()),
                cell.versionAdded(), cell.priority() == null ? null : cell.priority().name(),
                cell.disagreements().stream().map(Disagreement::message).toList());
    }

    private static String time(Instant time) {
        return time == null ? null : time.toString();
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"family", "dataVersion", "generatedAt", "selection", "message", "languages", "rows"})
    record Document(String family, long dataVersion, String generatedAt, Selection selection, String message,
            List<Language> languages, List<Row> rows) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"languages", "group", "query"})
    record Selection(List<String> languages, String group, String query) {
    }

    @JsonPropertyOrder({"id", "name", "shipped", "total", "coverage"})
    record Language(String id, String name, int shipped, int total, double coverage) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"id", "name", "group", "parity", "universalSince", "cells"})
    record Row(String id, String name, String group, String parity, String universalSince, List<Cell> cells) {
    }

    @JsonInclude(JsonInclude.Include.ALWAYS)
    @JsonPropertyOrder({"language", "status", "since", "availableSince", "versionAdded", "priority", "disagreements"})
    record Cell(String language, String status, String since, String availableSince, String versionAdded,
            String priority,
            List<String> disagreements) {
    }
}
