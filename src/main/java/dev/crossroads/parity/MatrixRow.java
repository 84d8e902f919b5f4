package dev.crossroads.parity;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One feature across all tracked languages, cells in the family's language order.
 *
 * @param universalSince when the last language shipped it, for UNIVERSAL features; else null
 */
public record MatrixRow(Feature feature, Parity parity, Instant universalSince, List<ParityCell> cells) {

    public MatrixRow {
        cells = List.copyOf(cells);
    }

    public Optional<ParityCell> cell(String language) {
        return cells.stream().filter(c -> c.language().equals(language)).findFirst();
    }
}
