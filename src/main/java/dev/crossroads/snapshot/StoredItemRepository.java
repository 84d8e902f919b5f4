package dev.crossroads.snapshot;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads stored items back through {@link ItemColumn}, the same column list the sync writes them with: the present
 * items of every source (what the matrix is built from) and the items of a source's latest snapshot in page order.
 */
@ApplicationScoped
public class StoredItemRepository {

    private static final String PRESENT = "SELECT language, source, " + ItemColumn.names()
            + ", first_seen, last_seen, status_since FROM tracked_item WHERE removed_at IS NULL ORDER BY id";

    private static final String LATEST_SNAPSHOT = """
            SELECT id, fetched_at, content FROM snapshot WHERE language = $1 AND source = $2
            ORDER BY fetched_at DESC, id DESC LIMIT 1""";

    private static final String SNAPSHOT_ITEMS = "SELECT " + ItemColumn.names()
            + " FROM snapshot_item WHERE snapshot_id = $1 ORDER BY id";

    private static final String VERSION = "SELECT version, changed_at FROM data_version WHERE id = 1";

    private static final String WRITING = "SELECT EXISTS (SELECT 1 FROM sync_lease WHERE id = 1 AND holder IS NOT NULL"
            + " AND expires_at > now()) AS writing";

    /**
     * Writes each present item's feature as the last alignment decided it, touching only rows that differ. Rows a
     * sync holds locked are skipped, not waited for (no deadlock with the sync's writer): the rebuild that sync
     * triggers writes them.
     */
    private static final String LINK_FEATURES = """
            WITH wanted AS (
                SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[])
                    AS w(language, source, item_key, feature_id)
            ), target AS (
                SELECT t.id, w.feature_id FROM tracked_item t
                LEFT JOIN wanted w ON t.language = w.language AND t.source = w.source AND t.item_key = w.item_key
                WHERE t.removed_at IS NULL AND t.feature_id IS DISTINCT FROM w.feature_id
                FOR UPDATE OF t SKIP LOCKED
            )
            UPDATE tracked_item SET feature_id = target.feature_id FROM target WHERE tracked_item.id = target.id""";

    private final Pool pool;

    public StoredItemRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * Every item still present in its source, with its life so far. Prepared, so that the rows come in PostgreSQL's
     * binary format: read as text, parsing the timestamps of 40,000 items took most of a second of the rebuild.
     */
    public Uni<List<StoredItem>> present() {
        return pool.preparedQuery(PRESENT).execute().map(rows -> {
            List<StoredItem> items = new ArrayList<>();
            for (Row row : rows) {
                items.add(new StoredItem(row.getString("language"), SourceKind.valueOf(row.getString("source")),
                        ItemColumn.read(row::getValue), instant(row, "first_seen"), instant(row, "last_seen"),
                        instant(row, "status_since")));
            }
            return items;
        });
    }

    /** Records which feature each item belongs to (absent from the map: none); returns the rows changed. */
    public Uni<Integer> linkFeatures(java.util.Map<ItemRef, String> features) {
        List<ItemRef> refs = List.copyOf(features.keySet());
        return pool.preparedQuery(LINK_FEATURES).execute(Tuple.of(
                refs.stream().map(ItemRef::language).toArray(String[]::new),
                refs.stream().map(r -> r.source().name()).toArray(String[]::new),
                refs.stream().map(ItemRef::key).toArray(String[]::new),
                refs.stream().map(features::get).toArray(String[]::new))).map(rows -> rows.rowCount());
    }

    /** The data version: it moves whenever a sync stores a snapshot or curation changes. */
    public Uni<DataVersion> dataVersion() {
        return pool.query(VERSION).execute().map(rows -> {
            Row row = rows.iterator().next();
            return new DataVersion(row.getLong("version"), row.getOffsetDateTime("changed_at").toInstant());
        });
    }

    /**
     * Whether a replica holds the sync lease now (a sync, or a slice of a history backfill, is writing): the data
     * version moves once per source stored, and what a run has stored so far is not yet the whole of it.
     */
    public Uni<Boolean> writing() {
        return pool.query(WRITING).execute().map(rows -> rows.iterator().next().getBoolean("writing"));
    }

    /** A source's latest snapshot with its items in the order the source listed them; null before the first. */
    public Uni<LatestSnapshot> latest(String language, SourceKind source) {
        return pool.preparedQuery(LATEST_SNAPSHOT).execute(Tuple.of(language, source.name())).flatMap(rows -> {
            if (!rows.iterator().hasNext()) {
                return Uni.createFrom().nullItem();
            }
            Row snapshot = rows.iterator().next();
            long id = snapshot.getLong("id");
            return pool.preparedQuery(SNAPSHOT_ITEMS).execute(Tuple.of(id)).map(items -> {
                List<ItemFacts> facts = new ArrayList<>();
                items.forEach(row -> facts.add(ItemColumn.read(row::getValue)));
                return new LatestSnapshot(id, instant(snapshot, "fetched_at"), snapshot.getString("content"), facts);
            });
        });
    }

    /** A source's content and items as last stored. */
    public record LatestSnapshot(long id, Instant fetchedAt, String content, List<ItemFacts> items) {
    }

    private static Instant instant(Row row, String column) {
        OffsetDateTime time = row.getOffsetDateTime(column);
        return time == null ? null : time.toInstant();
    }
}
