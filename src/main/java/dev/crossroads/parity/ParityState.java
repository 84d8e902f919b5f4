package dev.crossroads.parity;

import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.StoredItem;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Everything the read API serves, computed once per data version and then only read: the matrix, the alignment
 * behind it, and the items it was built from.
 */
public record ParityState(ParityMatrix matrix, Alignment alignment, List<StoredItem> items,
        Map<String, MatrixRow> rowsById, Map<ItemRef, StoredItem> itemsByRef) {

    static ParityState empty(List<ParityEngine.Language> languages) {
        ParityMatrix matrix = ParityEngine.compute(0, Instant.EPOCH, languages, List.of(),
                new Alignment(List.of(), Map.of(), List.of(), List.of()));
        return of(matrix, new Alignment(List.of(), Map.of(), List.of(), List.of()), List.of());
    }

    static ParityState of(ParityMatrix matrix, Alignment alignment, List<StoredItem> items) {
        Map<String, MatrixRow> rows = new HashMap<>();
        matrix.rows().forEach(row -> rows.put(row.feature().id(), row));
        Map<ItemRef, StoredItem> byRef = new HashMap<>();
        items.forEach(item -> byRef.put(item.ref(), item));
        return new ParityState(matrix, alignment, List.copyOf(items), Map.copyOf(rows), Map.copyOf(byRef));
    }

    public long dataVersion() {
        return matrix.dataVersion();
    }
}
