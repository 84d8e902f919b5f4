package dev.crossroads.sync;

import dev.crossroads.snapshot.ChangeEvent;
import dev.crossroads.snapshot.ItemChange;
import dev.crossroads.snapshot.ItemDiff;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.NewSnapshot;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
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

    private static final String PRESENT_ITEMS = """
            SELECT item_key, title, status, priority, progress_done, progress_total FROM tracked_item
            WHERE language = $1 AND source = $2 AND removed_at IS NULL""";

    /** $1 language, $2 source, $3..$9 the result, $10..$15 the cache entries (arrays). */
    private static final String CACHE = """
            cache AS (
                INSERT INTO http_cache (url, etag, last_modified, content_hash, content, updated_at)
                SELECT * FROM unnest($10::text[], $11::text[], $12::text[], $13::text[], $14::text[],
                                     $15::timestamptz[])
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

    /** After the common parameters: $16..$20 the snapshot, $21..$29 its items, $30..$35 seen, $36 gone, $37..$41 events. */
    private static final String WITH_SNAPSHOT = """
            WITH snap AS (
                INSERT INTO snapshot (language, source, fetched_at, content_hash, etag, content, item_count)
                VALUES ($1, $2, $16, $17, $18, $19, $20)
                RETURNING id
            ), items AS (
                INSERT INTO snapshot_item (snapshot_id, item_key, title, kind, status, priority, progress_done,
                                           progress_total, section, url)
                SELECT snap.id, i.item_key, i.title, i.kind, i.status, i.priority, i.progress_done, i.progress_total,
                       i.section, i.url
                FROM snap, unnest($21::text[], $22::text[], $23::text[], $24::text[], $25::text[], $26::int[],
                                  $27::int[], $28::text[], $29::text[]) WITH ORDINALITY
                    AS i(item_key, title, kind, status, priority, progress_done, progress_total, section, url, n)
                ORDER BY i.n
            ), seen AS (
                INSERT INTO tracked_item (language, source, item_key, title, status, priority, progress_done,
                                          progress_total, first_seen, last_seen)
                SELECT $1, $2, t.item_key, t.title, t.status, t.priority, t.progress_done, t.progress_total, $16, $16
                FROM unnest($30::text[], $31::text[], $32::text[], $33::text[], $34::int[], $35::int[])
                    AS t(item_key, title, status, priority, progress_done, progress_total)
                ON CONFLICT (language, source, item_key) DO UPDATE SET title = excluded.title,
                    status = excluded.status, priority = excluded.priority, progress_done = excluded.progress_done,
                    progress_total = excluded.progress_total, last_seen = excluded.last_seen, removed_at = NULL
            ), gone AS (
                UPDATE tracked_item SET removed_at = $16
                WHERE language = $1 AND source = $2 AND item_key = ANY($36::text[])
            ), events AS (
                INSERT INTO change_event (occurred_at, language, source, item_key, title, kind, old_value, new_value,
                                          snapshot_id)
                SELECT $16, $1, $2, e.item_key, e.title, e.kind, e.old_value, e.new_value, snap.id
                FROM snap, unnest($37::text[], $38::text[], $39::text[], $40::text[], $41::text[]) WITH ORDINALITY
                    AS e(item_key, title, kind, old_value, new_value, n)
                ORDER BY e.n
            ), """ + CACHE + RESULT.formatted("(SELECT id FROM snap)");

    private final Pool pool;

    SyncRecorder(Pool pool) {
        this.pool = pool;
    }

    /** The validators and content last stored for every URL, for conditional requests. */
    Uni<Map<String, HttpCacheEntry>> cache() {
        return pool.query("SELECT url, etag, last_modified, content_hash, content, updated_at FROM http_cache")
                .execute()
                .map(rows -> {
                    Map<String, HttpCacheEntry> cache = new HashMap<>();
                    for (Row row : rows) {
                        HttpCacheEntry entry = new HttpCacheEntry(row.getString("url"), row.getString("etag"),
                                row.getString("last_modified"), row.getString("content_hash"), row.getString("content"),
                                row.getOffsetDateTime("updated_at").toInstant());
                        cache.put(entry.url(), entry);
                    }
                    return cache;
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
            present.put(key, new ItemFacts(key, row.getString("title"), null, row.getString("status"),
                    row.getString("priority"), row.getInteger("progress_done"), row.getInteger("progress_total"),
                    null, null));
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
        result.message = outcome.message();
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
        params.add(column(cache, HttpCacheEntry::content, String[]::new));
        params.add(column(cache, e -> time(e.updatedAt()), OffsetDateTime[]::new));
        String sql = RESULT_ONLY;
        if (previous != null) {
            addSnapshot(params, outcome.snapshot(), previous);
            sql = WITH_SNAPSHOT;
        }
        return pool.preparedQuery(sql).execute(Tuple.from(params)).map(rows -> {
            Row row = rows.iterator().next();
            result.id = row.getLong("id");
            result.snapshotId = row.getLong("snapshot_id");
            return result;
        });
    }

    private static void addSnapshot(List<Object> params, NewSnapshot snapshot, Previous previous) {
        List<ItemFacts> items = snapshot.items();
        params.addAll(Arrays.asList(time(snapshot.fetchedAt()), snapshot.contentHash(), snapshot.etag(),
                snapshot.content(), items.size()));
        params.add(column(items, ItemFacts::key, String[]::new));
        params.add(column(items, ItemFacts::title, String[]::new));
        params.add(column(items, ItemFacts::kind, String[]::new));
        params.add(column(items, ItemFacts::status, String[]::new));
        params.add(column(items, ItemFacts::priority, String[]::new));
        params.add(column(items, ItemFacts::progressDone, Integer[]::new));
        params.add(column(items, ItemFacts::progressTotal, Integer[]::new));
        params.add(column(items, ItemFacts::section, String[]::new));
        params.add(column(items, ItemFacts::url, String[]::new));

        // one history row per key, as last listed: a page naming an item twice must not upsert one row twice
        Map<String, ItemFacts> seen = new LinkedHashMap<>();
        items.forEach(item -> seen.put(item.key(), item));
        List<ItemFacts> tracked = List.copyOf(seen.values());
        params.add(column(tracked, ItemFacts::key, String[]::new));
        params.add(column(tracked, ItemFacts::title, String[]::new));
        params.add(column(tracked, ItemFacts::status, String[]::new));
        params.add(column(tracked, ItemFacts::priority, String[]::new));
        params.add(column(tracked, ItemFacts::progressDone, Integer[]::new));
        params.add(column(tracked, ItemFacts::progressTotal, Integer[]::new));

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
    }

    private static <T, V> V[] column(List<T> rows, Function<T, V> value, IntFunction<V[]> array) {
        return rows.stream().map(value).toArray(array);
    }

    private static OffsetDateTime time(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }
}
