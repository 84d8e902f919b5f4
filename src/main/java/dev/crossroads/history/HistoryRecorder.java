package dev.crossroads.history;

import dev.crossroads.snapshot.ItemChange;
import dev.crossroads.snapshot.ItemColumn;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.snapshot.SourceKind;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Writes what a backfill read: each slice of historic snapshots with their items, then the item history and change
 * events of every source it touched, replayed from all of that source's snapshots ({@link HistoryReplay}), and the
 * language's progress, all in one transaction. Only what differs is written, so a replay that finds everything in
 * place writes nothing; events that stay keep their ids (feed cursors stay valid).
 */
@ApplicationScoped
class HistoryRecorder {

    private static final String CUTOFFS = """
            SELECT source, min(fetched_at) AS first FROM snapshot WHERE language = $1 AND commit_id IS NULL
            GROUP BY source""";

    private static final String LAST_HISTORIC = """
            SELECT DISTINCT ON (source) source, content_hash, fetched_at FROM snapshot
            WHERE language = $1 AND commit_id IS NOT NULL ORDER BY source, fetched_at DESC, id DESC""";

    private static final String INSERT_SNAPSHOT = """
            WITH snap AS (
                INSERT INTO snapshot (language, source, fetched_at, content_hash, etag, content, item_count, commit_id)
                VALUES ($1, $2, $3, $4, NULL, $5, $6, $7)
                RETURNING id
            ), items AS (
                INSERT INTO snapshot_item (snapshot_id, %s)
                SELECT snap.id, %s FROM snap, %s ORDER BY i.n
            )
            SELECT id FROM snap""".formatted(ItemColumn.names(), ItemColumn.unnested("i"), arrays(8, "i"));

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

    private static final String PROGRESS = """
            INSERT INTO history_backfill (language, state, last_commit, last_commit_at, commits_done, commits_total,
                                          snapshots, requests, message, run_id, started_at, updated_at, finished_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, now(), $12)
            ON CONFLICT (language) DO UPDATE SET state = excluded.state,
                last_commit = COALESCE(excluded.last_commit, history_backfill.last_commit),
                last_commit_at = COALESCE(excluded.last_commit_at, history_backfill.last_commit_at),
                commits_done = excluded.commits_done, commits_total = excluded.commits_total,
                snapshots = history_backfill.snapshots + excluded.snapshots, requests = excluded.requests,
                message = excluded.message, run_id = excluded.run_id, started_at = excluded.started_at,
                updated_at = now(), finished_at = excluded.finished_at""";

    private static final String BUMP = "UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1";

    private final Pool pool;

    HistoryRecorder(Pool pool) {
        this.pool = pool;
    }

    /** Per source, when a sync first stored it: history is backfilled only before that. */
    Uni<Map<SourceKind, Instant>> cutoffs(String language) {
        return pool.preparedQuery(CUTOFFS).execute(Tuple.of(language)).map(rows -> {
            Map<SourceKind, Instant> cutoffs = new EnumMap<>(SourceKind.class);
            rows.forEach(row -> cutoffs.put(SourceKind.valueOf(row.getString("source")), instant(row, "first")));
            return cutoffs;
        });
    }

    /** The newest backfilled snapshot of each source: where an interrupted walk picks up. */
    record LastHistoric(String contentHash, Instant at) {
    }

    Uni<Map<SourceKind, LastHistoric>> lastHistoric(String language) {
        return pool.preparedQuery(LAST_HISTORIC).execute(Tuple.of(language)).map(rows -> {
            Map<SourceKind, LastHistoric> last = new EnumMap<>(SourceKind.class);
            rows.forEach(row -> last.put(SourceKind.valueOf(row.getString("source")),
                    new LastHistoric(row.getString("content_hash"), instant(row, "fetched_at"))));
            return last;
        });
    }

    /** Where a language's backfill stands. */
    Uni<BackfillProgress> progress(String language) {
        return pool.preparedQuery("SELECT * FROM history_backfill WHERE language = $1").execute(Tuple.of(language))
                .map(rows -> rows.iterator().hasNext() ? BackfillProgress.of(rows.iterator().next()) : null);
    }

    Uni<List<BackfillProgress>> progressAll() {
        return pool.query("SELECT * FROM history_backfill ORDER BY language").execute().map(rows -> {
            List<BackfillProgress> all = new ArrayList<>();
            rows.forEach(row -> all.add(BackfillProgress.of(row)));
            return all;
        });
    }

    /** Records progress alone (start, end, failure). */
    Uni<Void> saveProgress(BackfillProgress progress) {
        return pool.preparedQuery(PROGRESS).execute(progressTuple(progress, 0)).replaceWithVoid();
    }

    /**
     * One slice: its snapshots and the progress, in one transaction. The item history is replayed once the walk is
     * done ({@link #replay(String, SourceKind)}): replaying after every slice would read the whole history each time.
     * Returns the ids of the snapshots stored, in order.
     */
    Uni<List<Long>> storeSlice(List<HistoricSnapshot> slice, BackfillProgress progress) {
        return pool.withTransaction(sql -> Multi.createFrom().iterable(slice)
                .onItem().transformToUniAndConcatenate(s -> insert(sql, s))
                .collect().asList()
                .call(ids -> sql.preparedQuery(PROGRESS).execute(progressTuple(progress, ids.size()))));
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

    /** Sets each backfilled snapshot's release (the first tag containing its commit) and stores the tags. */
    Uni<Integer> storeReleases(String language, List<ReleaseTag> tags, Map<String, String> releases) {
        List<String> commits = List.copyOf(releases.keySet());
        return pool.withTransaction(sql -> sql.preparedQuery("""
                        INSERT INTO release_tag (language, name, commit_id, tagged_at)
                        SELECT $1, * FROM unnest($2::text[], $3::text[], $4::timestamptz[])
                        ON CONFLICT (language, name) DO UPDATE SET commit_id = excluded.commit_id,
                            tagged_at = excluded.tagged_at""")
                .execute(Tuple.of(language, tags.stream().map(ReleaseTag::name).toArray(String[]::new),
                        tags.stream().map(ReleaseTag::commitId).toArray(String[]::new),
                        tags.stream().map(t -> time(t.taggedAt())).toArray(OffsetDateTime[]::new)))
                .flatMap(ignored -> sql.preparedQuery("""
                        UPDATE snapshot s SET release = r.release
                        FROM unnest($2::text[], $3::text[]) AS r(commit_id, release)
                        WHERE s.language = $1 AND s.commit_id = r.commit_id
                          AND s.release IS DISTINCT FROM r.release""")
                        .execute(Tuple.of(language, commits.toArray(String[]::new),
                                commits.stream().map(releases::get).toArray(String[]::new))))
                .flatMap(rows -> rows.rowCount() == 0 ? Uni.createFrom().item(0)
                        : sql.query(BUMP).execute().map(ignored -> rows.rowCount())));
    }

    /** The commits of backfilled snapshots that no release contains yet, with the times they were observed at. */
    Uni<Map<String, Instant>> unreleasedCommits(String language) {
        return pool.preparedQuery("SELECT commit_id, min(fetched_at) AS at FROM snapshot WHERE language = $1"
                        + " AND commit_id IS NOT NULL AND release IS NULL GROUP BY commit_id")
                .execute(Tuple.of(language))
                .map(rows -> {
                    Map<String, Instant> commits = new HashMap<>();
                    rows.forEach(row -> commits.put(row.getString("commit_id"), instant(row, "at")));
                    return commits;
                });
    }

    /** The release tags already stored for a language. */
    Uni<java.util.Set<String>> knownTags(String language) {
        return pool.preparedQuery("SELECT name FROM release_tag WHERE language = $1").execute(Tuple.of(language))
                .map(rows -> {
                    java.util.Set<String> names = new java.util.HashSet<>();
                    rows.forEach(row -> names.add(row.getString("name")));
                    return names;
                });
    }

    private Uni<Long> insert(SqlConnection sql, HistoricSnapshot historic) {
        NewSnapshot s = historic.snapshot();
        List<Object> params = new ArrayList<>(Arrays.asList(s.language(), s.source().name(), time(s.fetchedAt()),
                s.contentHash(), s.content(), s.items().size(), historic.commitId()));
        for (ItemColumn column : ItemColumn.values()) {
            params.add(column.values(s.items()));
        }
        return sql.preparedQuery(INSERT_SNAPSHOT).execute(Tuple.from(params))
                .map(rows -> rows.iterator().next().getLong("id"));
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
                arrays(3, "t"), first, first + 1, first + 2, first + 3, updates);
    }

    private static String arrays(int first, String alias) {
        ItemColumn[] columns = ItemColumn.values();
        StringBuilder sql = new StringBuilder("unnest(");
        for (int i = 0; i < columns.length; i++) {
            sql.append(i == 0 ? "" : ", ").append('$').append(first + i).append("::").append(columns[i].arrayType());
        }
        return sql.append(") WITH ORDINALITY AS ").append(alias).append('(').append(ItemColumn.names())
                .append(", n)").toString();
    }

    private static Tuple progressTuple(BackfillProgress p, int stored) {
        return Tuple.from(Arrays.asList(p.language(), p.state().name(), p.lastCommit(), time(p.lastCommitAt()),
                p.commitsDone(), p.commitsTotal(), stored, p.requests(), p.message(), p.runId(), time(p.startedAt()),
                time(p.finishedAt())));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }
}
