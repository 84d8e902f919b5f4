package dev.crossroads.snapshot;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * The change events a feed shows (an item added, removed, or changing status), newest first, each with the feature
 * its item was last linked to ({@code tracked_item.feature_id}) and its evidence URL. Reads walk the
 * {@code (occurred_at, id)} index backwards, so the cost is the page, not the history.
 */
@ApplicationScoped
public class ChangeFeedRepository {

    private static final String NEWEST = """
            SELECT e.id, e.occurred_at, e.language, e.source, e.item_key, e.title, e.kind, e.old_value, e.new_value,
                   t.feature_id, t.evidence_url
            FROM change_event e
            LEFT JOIN tracked_item t ON t.language = e.language AND t.source = e.source AND t.item_key = e.item_key
            WHERE e.kind IN ('ADDED', 'REMOVED', 'STATUS_CHANGED')
              AND ($1::text IS NULL OR e.language = $1)
              AND ($2::text IS NULL OR t.feature_id = $2
                   OR (e.language, e.source, e.item_key) IN (SELECT * FROM unnest($3::text[], $4::text[], $5::text[])))
            ORDER BY e.occurred_at DESC, e.id DESC
            LIMIT $6""";

    private final Pool pool;

    public ChangeFeedRepository(Pool pool) {
        this.pool = pool;
    }

    /**
     * One change to one item, with what the feed needs of the item.
     *
     * @param featureId   the feature the item was last linked to; null if none (or not yet recorded)
     * @param evidenceUrl where the item is on GitHub, if known
     */
    public record FeedChange(long id, Instant occurredAt, String language, SourceKind source, String itemKey,
            String title, ChangeEvent.Kind kind, String oldValue, String newValue, String featureId,
            String evidenceUrl) {

        public ItemRef ref() {
            return new ItemRef(language, source, itemKey);
        }
    }

    /**
     * @param language    only this language; null for all
     * @param feature     only items of this feature (as last recorded, or among {@code featureItems}); null for all
     * @param featureItems the items the matrix served now links to {@code feature}: recorded links lag a rebuild
     */
    public Uni<List<FeedChange>> newest(String language, String feature, Collection<ItemRef> featureItems,
            int limit) {
        List<ItemRef> refs = List.copyOf(featureItems);
        Tuple params = Tuple.tuple(Arrays.asList(language, feature,
                refs.stream().map(ItemRef::language).toArray(String[]::new),
                refs.stream().map(r -> r.source().name()).toArray(String[]::new),
                refs.stream().map(ItemRef::key).toArray(String[]::new), limit));
        return pool.preparedQuery(NEWEST).execute(params).map(rows -> {
            List<FeedChange> changes = new ArrayList<>();
            for (Row row : rows) {
                changes.add(new FeedChange(row.getLong("id"),
                        row.getOffsetDateTime("occurred_at").toInstant(), row.getString("language"),
                        SourceKind.valueOf(row.getString("source")), row.getString("item_key"),
                        row.getString("title"), ChangeEvent.Kind.valueOf(row.getString("kind")),
                        row.getString("old_value"), row.getString("new_value"), row.getString("feature_id"),
                        row.getString("evidence_url")));
            }
            return changes;
        });
    }
}
