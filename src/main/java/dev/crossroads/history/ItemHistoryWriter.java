package dev.crossroads.history;

import static dev.crossroads.history.HistoryRecorder.instant;
import static dev.crossroads.history.HistoryRecorder.time;

import dev.crossroads.snapshot.ItemChange;
import dev.crossroads.snapshot.ItemColumn;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.SourceKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes a source's item history as {@link HistoryReplay} computes it from all of the source's snapshots: the change
 * events and item lives that differ from what is stored, nothing else, so a replay that finds everything in place
 * writes nothing and events that stay keep their ids (feed cursors stay valid). One transaction per source.
 */
@ApplicationScoped
class ItemHistoryWriter {

    private static final String SNAPSHOTS = """
            SELECT id, fetched_at FROM snapshot WHERE language = $1 AND source = $2 ORDER BY fetched_at, id""";

    private static final String SNAPSHOT_ITEMS = "SELECT i.snapshot_id, " + ItemColumn.names().replaceAll("(\\w+)",
            "i.$1") + " FROM snapshot_item i JOIN snapshot s ON s.id = i.snapshot_id"
            + " WHERE s.language = $1 AND s.source = $2 ORDER BY i.snapshot_id, i.id";

    private static final String EVENTS = """
            SELECT id, snapshot_id, occurred_at, item_key, title, kind, old_value, new_value FROM change_event
            WHERE language = $1 AND source = $2""";

    private static final String DELETE_EVENTS = "DELETE FROM change_event WHERE id = ANY($1::bigint[])";

    private static final String INSERT_EVENTS = """
            INSERT INTO change_event (occurred_at, language, source, item_key, title, kind, old_value, new_value,
                                      snapshot_id)
            SELECT e.at, $1, $2, e.item_key, e.title, e.kind, e.old_value, e.new_value, e.snapshot_id
            FROM unnest($3::timestamptz[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::bigint[])
                WITH ORDINALITY AS e(at, item_key, title, kind, old_value, new_value, snapshot_id, n)
            ORDER BY e.n""";

    private static final String TRACKED = "SELECT " + ItemColumn.names()
            + ", first_seen, last_seen, removed_at, status_since FROM tracked_item WHERE language = $1 AND source = $2";

    private static final String UPSERT_TRACKED = upsertTracked();

    private static final String BUMP = "UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1";

    private final Pool pool;

    ItemHistoryWriter(Pool pool) {
        this.pool = pool;
    }

    /**
     * Replays one source's whole history from its snapshots and writes what differs (the events and item lives of a
     * walk's new snapshots, the first synced snapshot's events once history precedes it); returns rows written.
     */
    Uni<Integer> replay(String language, SourceKind source) {
        return pool.withTransaction(sql -> replay(sql, language, source)
                .call(written -> written == 0 ? Uni.createFrom().voidItem() : sql.query(BUMP).execute()
                        .replaceWithVoid()));
    }

    /** Replays a source's snapshots and writes the events and item lives that differ; returns rows written. */
    private Uni<Integer> replay(SqlConnection sql, String language, SourceKind source) {
        Tuple key = Tuple.of(language, source.name());
        return sql.preparedQuery(SNAPSHOTS).execute(key)
                .flatMap(snapshots -> sql.preparedQuery(SNAPSHOT_ITEMS).execute(key).map(items -> {
                    Map<Long, List<ItemFacts>> byId = new HashMap<>();
                    items.forEach(row -> byId.computeIfAbsent(row.getLong("snapshot_id"), id -> new ArrayList<>())
                            .add(ItemColumn.read(row::getValue)));
                    List<HistoryReplay.Step> steps = new ArrayList<>();
                    snapshots.forEach(row -> steps.add(new HistoryReplay.Step(row.getLong("id"),
                            instant(row, "fetched_at"), byId.getOrDefault(row.getLong("id"), List.of()))));
                    return HistoryReplay.of(steps);
                }))
                .flatMap(result -> writeEvents(sql, key, result.events())
                        .flatMap(events -> writeLives(sql, key, result.lives()).map(lives -> events + lives)));
    }

    private record EventKey(long snapshotId, String key, String title, String kind, String oldValue,
            String newValue) {
    }

    private Uni<Integer> writeEvents(SqlConnection sql, Tuple key, List<HistoryReplay.Event> wanted) {
        return sql.preparedQuery(EVENTS).execute(key).flatMap(rows -> {
            Map<EventKey, Deque<Long>> existing = new HashMap<>();
            rows.forEach(row -> existing.computeIfAbsent(new EventKey(row.getLong("snapshot_id"),
                    row.getString("item_key"), row.getString("title"), row.getString("kind"),
                    row.getString("old_value"), row.getString("new_value")), k -> new ArrayDeque<>())
                    .add(row.getLong("id")));
            List<HistoryReplay.Event> missing = new ArrayList<>();
            for (HistoryReplay.Event event : wanted) {
                ItemChange c = event.change();
                Deque<Long> ids = existing.get(new EventKey(event.snapshotId(), c.key(), c.title(), c.kind().name(),
                        c.oldValue(), c.newValue()));
                if (ids == null || ids.isEmpty()) {
                    missing.add(event);
                } else {
                    ids.poll();
                }
            }
            Long[] stale = existing.values().stream().flatMap(Deque::stream).toArray(Long[]::new);
            Uni<Integer> deleted = stale.length == 0 ? Uni.createFrom().item(0)
                    : sql.preparedQuery(DELETE_EVENTS).execute(Tuple.of(stale)).map(r -> r.rowCount());
            return deleted.flatMap(d -> missing.isEmpty() ? Uni.createFrom().item(d)
                    : sql.preparedQuery(INSERT_EVENTS).execute(Tuple.from(List.<Object>of(key.getString(0),
                            key.getString(1),
                            missing.stream().map(e -> time(e.at())).toArray(OffsetDateTime[]::new),
                            missing.stream().map(e -> e.change().key()).toArray(String[]::new),
                            missing.stream().map(e -> e.change().title()).toArray(String[]::new),
                            missing.stream().map(e -> e.change().kind().name()).toArray(String[]::new),
                            missing.stream().map(e -> e.change().oldValue()).toArray(String[]::new),
                            missing.stream().map(e -> e.change().newValue()).toArray(String[]::new),
                            missing.stream().map(HistoryReplay.Event::snapshotId).toArray(Long[]::new))))
                    .map(r -> d + r.rowCount()));
        });
    }

    private Uni<Integer> writeLives(SqlConnection sql, Tuple key, Map<String, HistoryReplay.Life> wanted) {
        return sql.preparedQuery(TRACKED).execute(key).flatMap(rows -> {
            Map<String, HistoryReplay.Life> existing = new HashMap<>();
            rows.forEach(row -> {
                ItemFacts facts = ItemColumn.read(row::getValue);
                existing.put(facts.key(), new HistoryReplay.Life(facts, instant(row, "first_seen"),
                        instant(row, "last_seen"), instant(row, "removed_at"), instant(row, "status_since")));
            });
            Map<String, HistoryReplay.Life> changed = new LinkedHashMap<>();
            wanted.forEach((k, life) -> {
                if (!same(existing.get(k), life)) {
                    changed.put(k, life);
                }
            });
            if (changed.isEmpty()) {
                return Uni.createFrom().item(0);
            }
            List<ItemFacts> facts = changed.values().stream().map(HistoryReplay.Life::facts).toList();
            List<Object> params = new ArrayList<>(List.of(key.getString(0), key.getString(1)));
            for (ItemColumn column : ItemColumn.values()) {
                params.add(column.values(facts));
            }
            params.add(changed.values().stream().map(l -> time(l.firstSeen())).toArray(OffsetDateTime[]::new));
            params.add(changed.values().stream().map(l -> time(l.lastSeen())).toArray(OffsetDateTime[]::new));
            params.add(changed.values().stream().map(l -> time(l.removedAt())).toArray(OffsetDateTime[]::new));
            params.add(changed.values().stream().map(l -> time(l.statusSince())).toArray(OffsetDateTime[]::new));
            return sql.preparedQuery(UPSERT_TRACKED).execute(Tuple.from(params)).map(r -> r.rowCount());
        });
    }

    private static boolean same(HistoryReplay.Life a, HistoryReplay.Life b) {
        if (a == null) {
            return false;
        }
        for (ItemColumn column : ItemColumn.values()) {
            if (!Objects.equals(column.valueOf(a.facts()), column.valueOf(b.facts()))) {
                return false;
            }
        }
        return Objects.equals(a.firstSeen(), b.firstSeen()) && Objects.equals(a.lastSeen(), b.lastSeen())
                && Objects.equals(a.removedAt(), b.removedAt()) && Objects.equals(a.statusSince(), b.statusSince());
    }

    private static String upsertTracked() {
        int n = ItemColumn.values().length;
        int first = 3 + n;
        String updates = java.util.stream.Stream.of(ItemColumn.values()).filter(c -> c != ItemColumn.ITEM_KEY)
                .map(c -> c.column() + " = excluded." + c.column())
                .collect(java.util.stream.Collectors.joining(", "));
        return """
                INSERT INTO tracked_item (language, source, %1$s, first_seen, last_seen, removed_at, status_since)
                SELECT $1, $2, %2$s, l.first_seen, l.last_seen, l.removed_at, l.status_since
                FROM %3$s
                JOIN unnest($%4$d::timestamptz[], $%5$d::timestamptz[], $%6$d::timestamptz[], $%7$d::timestamptz[])
                    WITH ORDINALITY AS l(first_seen, last_seen, removed_at, status_since, n) ON l.n = t.n
                ON CONFLICT (language, source, item_key) DO UPDATE SET %8$s, first_seen = excluded.first_seen,
                    last_seen = excluded.last_seen, removed_at = excluded.removed_at,
                    status_since = excluded.status_since""".formatted(ItemColumn.names(), ItemColumn.unnested("t"),
                ItemColumn.unnestParameters(3, "t"), first, first + 1, first + 2, first + 3, updates);
    }

}
