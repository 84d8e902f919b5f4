package dev.crossroads.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import dev.crossroads.parity.Parity;
import dev.crossroads.roadmap.FeatureStatus;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvReportTests {

    @Test
    void oneRowPerFeatureWithStatusAndSincePerLanguage() throws IOException {
        List<List<String>> rows = parse(CsvReport.render(ReportFixtures.report()));

        assertThat(rows.get(0)).containsExactly("feature_id", "feature_name", "group", "parity", "universal_since",
                "python", "python_since", "python_version", "java", "java_since", "java_version");
        assertThat(rows.get(1)).containsExactly("logger", "Logger", "Core", "UNIVERSAL", "2025-03-01T08:30:00Z",
                "AVAILABLE", "2025-03-01T08:30:00Z", "", "AVAILABLE", "2025-03-01T08:30:00Z", "");
        assertThat(rows.get(2)).containsExactly("batch", "Batch", "Data", "UNIQUE", "",
                "AVAILABLE", "2025-03-01T08:30:00Z", "", "IN_PROGRESS", "2025-03-01T08:30:00Z", "");
        assertThat(rows).hasSize(3);
    }

    @Test
    void commasQuotesAndLineBreaksAreQuotedAndReadBackIntact() throws IOException {
        String name = "Parser, \"strict\"\nmode";
        String csv = CsvReport.render(ReportFixtures.report(ReportFixtures.row("parser", name, "Data; \"misc\"",
                Parity.UNIQUE, FeatureStatus.PREVIEW, FeatureStatus.ABSENT)));

        assertThat(csv).contains("\"Parser, \"\"strict\"\"\nmode\"");
        List<String> row = parse(csv).get(3);
        assertThat(row.get(1)).isEqualTo(name);
        assertThat(row.get(2)).isEqualTo("Data; \"misc\"");
        assertThat(row.subList(5, 11)).containsExactly("PREVIEW", "2025-03-01T08:30:00Z", "", "ABSENT", "", "");
    }

    @Test
    void aTitleShapedLikeAFormulaIsDefusedForSpreadsheets() throws IOException {
        String csv = CsvReport.render(ReportFixtures.report(ReportFixtures.row("evil", "=HYPERLINK(\"x\")", "@SUM(1)",
                Parity.UNIQUE, FeatureStatus.AVAILABLE, FeatureStatus.ABSENT)));

        List<String> row = parse(csv).get(3);
        assertThat(row.get(1)).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(row.get(2)).isEqualTo("'@SUM(1)");
    }

    @Test
    void withNoDataTheFileIsTheHeaderAlone() throws IOException {
        List<List<String>> rows = parse(CsvReport.render(ReportFixtures.noData()));

        assertThat(rows).hasSize(1);
        assertThat(rows.get(0)).startsWith("feature_id", "feature_name");
    }

    private static List<List<String>> parse(String csv) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(csv)) {
            return rows.readAll();
        }
    }
}
