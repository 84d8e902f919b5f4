package dev.crossroads.parity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One feature across all tracked languages, cells in the family's language order.
 *
 * @param universalSince       since when every language has shipped it without a break, for UNIVERSAL features
 * @param universalCompletedBy the language whose shipping made it universal then
 */
public record MatrixRow(Feature feature, Parity parity, Instant universalSince, String universalCompletedBy,
        List<ParityCell> cells) {

    public MatrixRow {
        cells = List.copyOf(cells);
    }

    public MatrixRow(Feature feature, Parity parity, Instant universalSince, List<ParityCell> cells) {
        this(feature, parity, universalSince, null, cells);
    }

    public Optional<ParityCell> cell(String language) {
        return cells.stream().filter(c -> c.language().equals(language)).findFirst();
    }
}
