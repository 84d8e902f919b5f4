package dev.crossroads.snapshot;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Items' timelines (status, priority, progress, title changes) from the stored change events, many items at once. */
@ApplicationScoped
public class ItemHistoryRepository {

    private static final String HISTORY = """
            SELECT e.language, e.source, e.item_key, e.occurred_at, e.kind, e.old_value, e.new_value
            FROM change_event e
            JOIN unnest($1::text[], $2::text[], $3::text[]) AS wanted(language, source, item_key)
              ON e.language = wanted.language AND e.source = wanted.source AND e.item_key = wanted.item_key
            ORDER BY e.occurred_at, e.id""";

    private static final String STATUS_EVENTS = """
            SELECT e.language, e.source, e.item_key, e.occurred_at, e.kind, e.old_value, e.new_value, s.commit_id,
                   s.release
            FROM change_event e JOIN snapshot s ON s.id = e.snapshot_id
            WHERE e.kind IN ('ADDED', 'REMOVED', 'STATUS_CHANGED', 'RENAMED')
            ORDER BY e.occurred_at, e.id""";

    private final Pool pool;

    public ItemHistoryRepository(Pool pool) {
        this.pool = pool;
    }

    /** One change of one item. */
    public record HistoryEntry(Instant occurredAt, ChangeEvent.Kind kind, String oldValue, String newValue) {
    }

    /**
     * Every change of presence or status of every item, oldest first: what the matrix's timelines are made of.
     * Prepared, for rows in the binary format (text timestamps are parsed one by one).
     */
    public Uni<List<StatusEvent>> statusEvents() {
        return pool.preparedQuery(STATUS_EVENTS).execute().map(rows -> {
            List<StatusEvent> events = new ArrayList<>();
            for (Row row : rows) {
                events.add(new StatusEvent(new ItemRef(row.getString("language"),
                        SourceKind.valueOf(row.getString("source")), row.getString("item_key")),
                        row.getOffsetDateTime("occurred_at").toInstant(),
                        ChangeEvent.Kind.valueOf(row.getString("kind")), row.getString("old_value"),
                        row.getString("new_value"), row.getString("commit_id"), row.getString("release")));
            }
            return events;
        });
    }

    /** The history of each item, oldest first, in one query: the lists come back in the order of {@code items}. */
    public Uni<List<List<HistoryEntry>>> of(List<ItemRef> items) {
        if (items.isEmpty()) {
            return Uni.createFrom().item(List.of());
        }
        Tuple args = Tuple.of(items.stream().map(ItemRef::language).toArray(String[]::new),
                items.stream().map(i -> i.source().name()).toArray(String[]::new),
                items.stream().map(ItemRef::key).toArray(String[]::new));
        return pool.preparedQuery(HISTORY).execute(args).map(rows -> {
            Map<ItemRef, List<HistoryEntry>> byItem = new HashMap<>();
            for (Row row : rows) {
                ItemRef ref = new ItemRef(row.getString("language"), SourceKind.valueOf(row.getString("source")),
                        row.getString("item_key"));
                byItem.computeIfAbsent(ref, r -> new ArrayList<>()).add(new HistoryEntry(
                        row.getOffsetDateTime("occurred_at").toInstant(),
                        ChangeEvent.Kind.valueOf(row.getString("kind")), row.getString("old_value"),
                        row.getString("new_value")));
            }
            return items.stream().map(ref -> byItem.getOrDefault(ref, List.<HistoryEntry>of())).toList();
        });
    }
}
