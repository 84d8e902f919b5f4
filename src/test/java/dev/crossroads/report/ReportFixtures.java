package dev.crossroads.report;

import dev.crossroads.parity.Feature;
import dev.crossroads.parity.LanguageCoverage;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.MatrixSelection;
import dev.crossroads.parity.Parity;
import dev.crossroads.parity.ParityCell;
import dev.crossroads.parity.ParityMatrix;
import dev.crossroads.roadmap.FeatureStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Small matrices for the renderers' tests: two languages, rows written out by hand. */
final class ReportFixtures {

    static final Instant BUILT = Instant.parse("2025-06-01T10:00:00Z");
    static final Instant SHIPPED = Instant.parse("2025-03-01T08:30:00Z");
    static final List<LanguageCoverage> LANGUAGES = List.of(
            new LanguageCoverage("python", "Python", 2, 2, 1.0),
            new LanguageCoverage("java", "Java", 1, 2, 0.5));

    private ReportFixtures() {
    }

    static MatrixRow row(String id, String name, String group, Parity parity, FeatureStatus python,
            FeatureStatus java) {
        List<ParityCell> cells = new ArrayList<>();
        cells.add(cell("python", python));
        cells.add(cell("java", java));
        return new MatrixRow(new Feature(id, name, group, null, List.of()), parity,
                parity == Parity.UNIVERSAL ? SHIPPED : null, cells);
    }

    static ParityCell cell(String language, FeatureStatus status) {
        Instant since = status == FeatureStatus.ABSENT ? null : SHIPPED;
        return new ParityCell(language, status, since, status.isShipped() ? since : null, null, List.of(), List.of());
    }

    /** Logger everywhere, Batch only in Python (planned in Java), and whatever extra rows a test adds. */
    static ParityReport report(MatrixRow... extra) {
        List<MatrixRow> rows = new ArrayList<>(List.of(
                row("logger", "Logger", "Core", Parity.UNIVERSAL, FeatureStatus.AVAILABLE, FeatureStatus.AVAILABLE),
                row("batch", "Batch", "Data", Parity.UNIQUE, FeatureStatus.AVAILABLE, FeatureStatus.IN_PROGRESS)));
        rows.addAll(List.of(extra));
        return ParityReport.of("Gizmo", new ParityMatrix(7, BUILT, LANGUAGES, rows), MatrixSelection.ALL, true);
    }

    static ParityReport noData() {
        return ParityReport.of("Gizmo", new ParityMatrix(0, Instant.EPOCH, LANGUAGES, List.of()),
                MatrixSelection.ALL, false);
    }
}
