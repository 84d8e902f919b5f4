package dev.crossroads.sync;

import dev.crossroads.db.StoredText;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.snapshot.ChangeEvent;
import dev.crossroads.snapshot.ItemChange;
import dev.crossroads.snapshot.ItemColumn;
import dev.crossroads.snapshot.ItemDiff;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.source.github.Redaction;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.IntFunction;

/**
 * Writes what a source produced: its result, its validators and, when the content changed, the snapshot, its items,
 * the items' history and the change events. All of it goes to PostgreSQL as one statement (data-modifying CTEs over
 * arrays), so it is one transaction and one round trip: either everything of the source is stored or nothing is.
 *
 * <p>Why not entities: this is bulk ingestion on the sync's critical path. Written through Hibernate the same work
 * took a dozen round trips per source, and storing dominated the full sync (docs/benchmarks.md). Reads stay on the
 * Panache entities, which map the same tables.
 *
 * <p>The previous state (latest hash, items still present) is read just before the write, outside it: the sync
 * lease guarantees this replica is the only writer of sync history, so nothing can change in between.
 */
@ApplicationScoped
class SyncRecorder {

    private static final String LATEST_HASH = """
            SELECT content_hash FROM snapshot WHERE language = $1 AND source = $2
            ORDER BY fetched_at DESC, id DESC LIMIT 1""";

    private static final String VALIDATORS = """
            SELECT url, etag, last_modified, content_hash, updated_at FROM http_cache WHERE content IS NOT NULL""";

    private static final String PRESENT_ITEMS = """
            SELECT item_key, title, status, priority, progress_done, progress_total FROM tracked_item
            WHERE language = $1 AND source = $2 AND removed_at IS NULL""";

    /** $1 language, $2 source, $3..$9 the result, $10..$15 the cache entries (arrays). */
    private static final String CACHE = """
            cache AS (
                INSERT INTO http_cache (url, etag, last_modified, content_hash, content, updated_at)
                SELECT u, e, l, h, convert_from(c, 'UTF8'), t
                FROM unnest($10::text[], $11::text[], $12::text[], $13::text[], $14::bytea[], $15::timestamptz[])
                     AS x(u, e, l, h, c, t)
                ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified,
                    content_hash = excluded.content_hash, content = excluded.content, updated_at = excluded.updated_at
            )
            """;

    private static final String RESULT = """
            INSERT INTO source_result (run_id, language, source, status, http_status, message, duration_ms,
                                       rate_limit_remaining, snapshot_id, finished_at)
            VALUES ($3, $1, $2, $4, $5, $6, $7, $8, %s, $9)
            RETURNING id, snapshot_id""";

    private static final String RESULT_ONLY = "WITH " + CACHE + RESULT.formatted("NULL");

    /** After the common parameters: $16..$20 the snapshot, then its items, the items seen, gone and the events. */
    private static final String WITH_SNAPSHOT = withSnapshot();

    /**
     * Builds the snapshot statement from {@link ItemColumn}: each item column is bound once for the snapshot's items
     * and once for the tracked items (deduplicated by key), as typed arrays unnested side by side.
     */
    private static String withSnapshot() {
        ItemColumn[] columns = ItemColumn.values();
        int next = 21;
        String items = ItemColumn.unnestParameters(next, "i");
        next += columns.length;
        String tracked = ItemColumn.unnestParameters(next, "t");
        next += columns.length;
        int gone = next++;
        String events = "$%d::text[], $%d::text[], $%d::text[], $%d::text[], $%d::text[]"
                .formatted(next, next + 1, next + 2, next + 3, next + 4);
        String updates = java.util.stream.Stream.of(columns).filter(c -> c != ItemColumn.ITEM_KEY)
                .map(c -> c.column() + " = excluded." + c.column()).collect(java.util.stream.Collectors.joining(", "));
        return """
                WITH snap AS (
                    INSERT INTO snapshot (language, source, fetched_at, content_hash, etag, content, item_count)
                    VALUES ($1, $2, $16, $17, $18, convert_from($19, 'UTF8'), $20)
                    RETURNING id
                ), items AS (
                    INSERT INTO snapshot_item (snapshot_id, %1$s)
                    SELECT snap.id, %2$s
                    FROM snap, %3$s
                    ORDER BY i.n
                ), seen AS (
                    INSERT INTO tracked_item (language, source, %1$s, first_seen, last_seen, status_since)
                    SELECT $1, $2, %4$s, $16, $16, $16
                    FROM %5$s
                    ON CONFLICT (language, source, item_key) DO UPDATE SET %6$s,
                        status_since = CASE WHEN tracked_item.status IS DISTINCT FROM excluded.status
                                              OR tracked_item.removed_at IS NOT NULL
                                            THEN excluded.last_seen
                                            ELSE COALESCE(tracked_item.status_since, tracked_item.first_seen) END,
                        last_seen = excluded.last_seen, removed_at = NULL
                ), gone AS (
                    UPDATE tracked_item SET removed_at = $16
                    WHERE language = $1 AND source = $2 AND item_key = ANY($%7$d::text[])
                ), events AS (
                    INSERT INTO change_event (occurred_at, language, source, item_key, title, kind, old_value,
                                              new_value, snapshot_id)
                    SELECT $16, $1, $2, e.item_key, e.title, e.kind, e.old_value, e.new_value, snap.id
                    FROM snap, unnest(%8$s) WITH ORDINALITY AS e(item_key, title, kind, old_value, new_value, n)
                    ORDER BY e.n
                ), bump AS (
                    UPDATE data_version SET version = version + 1, changed_at = now() WHERE id = 1
                ), """.formatted(ItemColumn.names(), ItemColumn.unnested("i"), items, ItemColumn.unnested("t"),
                tracked, updates, gone, events) + CACHE + RESULT.formatted("(SELECT id FROM snap)");
    }

    private final Pool pool;
    private final Redaction redaction;
    private final jakarta.enterprise.event.Event<dev.crossroads.snapshot.ItemsMoved> moved;

    SyncRecorder(Pool pool, Redaction redaction, jakarta.enterprise.event.Event<dev.crossroads.snapshot.ItemsMoved> moved) {
        this.pool = pool;
        this.redaction = redaction;
        this.moved = moved;
    }

    /**
     * The validators last stored for every URL whose content is kept, for conditional requests; the content itself
     * is read only for the files a run needs it for.
     */
    Uni<HttpCache> cache() {
        return pool.preparedQuery(VALIDATORS).execute()
                .map(rows -> {
                    Map<String, HttpCacheEntry> entries = new HashMap<>();
                    for (Row row : rows) {
                        HttpCacheEntry entry = new HttpCacheEntry(row.getString("url"), row.getString("etag"),
                                row.getString("last_modified"), row.getString("content_hash"), null,
                                row.getOffsetDateTime("updated_at").toInstant());
                        entries.put(entry.url(), entry);
                    }
                    return new HttpCache(entries, this::cachedCopies);
                });
    }

    /** The content kept for each of the URLs. */
    private Uni<Map<String, String>> cachedCopies(List<String> urls) {
        return pool.preparedQuery("SELECT url, content FROM http_cache WHERE url = ANY($1)")
                .execute(Tuple.of(urls.toArray(String[]::new)))
                .map(rows -> {
                    Map<String, String> copies = new HashMap<>();
                    rows.forEach(row -> copies.put(row.getString("url"), row.getString("content")));
                    return copies;
                });
    }

    Uni<SourceResult> record(long runId, SourceOutcome outcome) {
        NewSnapshot incoming = outcome.snapshot();
        Uni<SourceResult> written = incoming == null
                ? write(runId, outcome, outcome.status(), null)
                : previous(incoming).flatMap(previous -> incoming.contentHash().equals(previous.latestHash())
                        ? write(runId, outcome, SourceResult.Status.UNCHANGED, null)
                        : write(runId, outcome, SourceResult.Status.FETCHED, previous));
        return written.onFailure().invoke(e -> Log.errorf(e, "Could not record %s %s", outcome.language(),
                outcome.source()));
    }

    /**
     * When a source's statement failed, records at least that it failed and why, without any of its data (which the
     * failed statement left unwritten as a whole).
     */
    Uni<SourceResult> recordFailure(long runId, SourceOutcome outcome, Throwable cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        SourceOutcome failed = SourceOutcome.failed(outcome.language(), outcome.source(), outcome.httpStatus(),
                "read, but could not be stored: " + reason.lines().findFirst().orElse(reason), outcome.durationMs());
        return record(runId, failed);
    }

    /** What the source had before: its latest content hash and the items still present, read side by side. */
    private Uni<Previous> previous(NewSnapshot incoming) {
        Tuple key = Tuple.of(incoming.language(), incoming.source().name());
        return pool.withConnection(connection -> Uni.combine().all().unis(
                        connection.preparedQuery(LATEST_HASH).execute(key),
                        connection.preparedQuery(PRESENT_ITEMS).execute(key)).asTuple())
                .map(both -> new Previous(latestHash(both.getItem1()), presentItems(both.getItem2())));
    }

    private record Previous(String latestHash, Map<String, ItemFacts> present) {
    }

    private static String latestHash(RowSet<Row> rows) {
        var iterator = rows.iterator();
        return iterator.hasNext() ? iterator.next().getString("content_hash") : null;
    }

    private static Map<String, ItemFacts> presentItems(RowSet<Row> rows) {
        Map<String, ItemFacts> present = new HashMap<>();
        for (Row row : rows) {
            String key = row.getString("item_key");
            String status = row.getString("status");
            present.put(key, new ItemFacts(key, row.getString("title"), null,
                    status == null ? null : FeatureStatus.valueOf(status), null, row.getString("priority"),
                    row.getInteger("progress_done"), row.getInteger("progress_total"), null, null, null, List.of(),
                    null));
        }
        return present;
    }

    private Uni<SourceResult> write(long runId, SourceOutcome outcome, SourceResult.Status status, Previous previous) {
        SourceResult result = new SourceResult();
        result.runId = runId;
        result.language = outcome.language();
        result.source = outcome.source();
        result.status = status;
        result.httpStatus = outcome.httpStatus() == null || outcome.httpStatus() == 0 ? null : outcome.httpStatus();
        // messages are served as they are stored: no credential that came back in upstream text goes in
        result.message = redaction.apply(outcome.message());
        result.durationMs = outcome.durationMs();
        result.rateLimitRemaining = outcome.rateLimitRemaining();
        result.finishedAt = Instant.now();

        List<Object> params = new ArrayList<>(List.of(result.language, result.source.name(), runId,
                result.status.name()));
        params.addAll(Arrays.asList(result.httpStatus, result.message, result.durationMs, result.rateLimitRemaining,
                time(result.finishedAt)));
        // one row per URL (an upsert may not touch a row twice), in URL order (parallel sources lock rows alike)
        Map<String, HttpCacheEntry> byUrl = new TreeMap<>();
        outcome.cacheUpdates().forEach(entry -> byUrl.put(entry.url(), entry));
        List<HttpCacheEntry> cache = List.copyOf(byUrl.values());
        params.add(column(cache, HttpCacheEntry::url, String[]::new));
        params.add(column(cache, HttpCacheEntry::etag, String[]::new));
        params.add(column(cache, HttpCacheEntry::lastModified, String[]::new));
        params.add(column(cache, HttpCacheEntry::contentHash, String[]::new));
        params.add(column(cache, HttpCacheEntry::content, Buffer[]::new));
        params.add(column(cache, e -> time(e.updatedAt()), OffsetDateTime[]::new));
        String sql = RESULT_ONLY;
        boolean mayHaveMoved = false;
        if (previous != null) {
            mayHaveMoved = addSnapshot(params, outcome, previous);
            sql = WITH_SNAPSHOT;
        }
        boolean movedItems = mayHaveMoved;
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            Row row = rows.iterator().next();
            result.id = row.getLong("id");
            result.snapshotId = row.getLong("snapshot_id");
            if (movedItems) {
                moved.fireAsync(new dev.crossroads.snapshot.ItemsMoved(result.language, result.source));
            }
            return result;
        });
    }

    /** Adds the snapshot's parameters; true when an item moved (left under one key, arrived under another). */
    private static boolean addSnapshot(List<Object> params, SourceOutcome outcome, Previous previous) {
        NewSnapshot snapshot = outcome.snapshot();
        List<ItemFacts> items = snapshot.items();
        Buffer text = outcome.snapshotUtf8() != null ? outcome.snapshotUtf8() : StoredText.utf8(snapshot.content());
        params.addAll(Arrays.asList(time(snapshot.fetchedAt()), snapshot.contentHash(), snapshot.etag(), text,
                items.size()));
        for (ItemColumn column : ItemColumn.values()) {
            params.add(column.values(items));
        }
        // one history row per key, as last listed: a page naming an item twice must not upsert one row twice
        Map<String, ItemFacts> seen = new LinkedHashMap<>();
        items.forEach(item -> seen.put(item.key(), item));
        List<ItemFacts> tracked = List.copyOf(seen.values());
        for (ItemColumn column : ItemColumn.values()) {
            params.add(column.values(tracked));
        }

        List<ItemChange> changes = ItemDiff.between(previous.present(), items);
        params.add(changes.stream().filter(c -> c.kind() == ChangeEvent.Kind.REMOVED).map(ItemChange::key)
                .toArray(String[]::new));
        params.add(column(changes, ItemChange::key, String[]::new));
        params.add(column(changes, ItemChange::title, String[]::new));
        params.add(column(changes, c -> c.kind().name(), String[]::new));
        params.add(column(changes, ItemChange::oldValue, String[]::new));
        params.add(column(changes, ItemChange::newValue, String[]::new));
        Log.debugf("%s %s: new snapshot with %d items, %d changes", snapshot.language(), snapshot.source(),
                items.size(), changes.size());
        Map<String, ItemFacts> now = new LinkedHashMap<>();
        items.forEach(item -> now.put(item.key(), item));
        // the sync's one statement records the removal and the addition; the item history replay makes them one
        return !dev.crossroads.snapshot.ItemMoves.pairs(changes, previous.present(), now,
                dev.crossroads.parity.NameKeys::key, dev.crossroads.parity.NameKeys::pageStem).isEmpty();
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, IntFunction<V[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
