package dev.crossroads.parity;

import java.time.Instant;
import java.util.List;

/**
 * Every feature × every language, computed once per data version.
 *
 * @param dataVersion changes whenever a sync stores something or curation changes
 */
public record ParityMatrix(long dataVersion, Instant generatedAt, List<LanguageCoverage> languages,
        List<MatrixRow> rows) {

    public ParityMatrix {
        languages = List.copyOf(languages);
        rows = List.copyOf(rows);
    }
}
