package dev.crossroads.parity;

import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;

/**
 * Maintainers' decisions in PostgreSQL. Every change is one statement that also moves the data version, so the
 * matrix of every replica picks it up, and a change is never half applied.
 */
@ApplicationScoped
public class CurationRepository {

    private static final String BUMP = "bump AS (UPDATE data_version SET version = version + 1, changed_at = now()"
            + " WHERE id = 1 RETURNING version) ";

    private final Pool pool;

    public CurationRepository(Pool pool) {
        this.pool = pool;
    }

    /** Everything decided so far, read side by side in one connection. */
    public Uni<Curation> load() {
        return pool.withConnection(c -> Uni.combine().all().unis(
                c.query("SELECT id, name, group_name, description FROM curated_feature ORDER BY id")
                        .execute(),
                c.query("SELECT language, source, item_key, feature_id FROM curated_link ORDER BY language, source, item_key")
                        .execute(),
                c.query("SELECT from_id, into_id FROM curated_merge ORDER BY from_id").execute(),
                c.query("SELECT language, source, item_key, feature_id FROM rejected_suggestion "
                        + "ORDER BY language, source, item_key, feature_id").execute())
                .asTuple())
                .map(all -> {
                    List<CatalogFeature> features = new ArrayList<>();
                    for (Row row : all.getItem1()) {
                        features.add(new CatalogFeature(row.getString("id"), row.getString("name"),
                                row.getString("group_name"), row.getString("description"), null));
                    }
                    List<Curation.Merge> merges = new ArrayList<>();
                    for (Row row : all.getItem3()) {
                        merges.add(new Curation.Merge(row.getString("from_id"), row.getString("into_id")));
                    }
                    return new Curation(features, links(all.getItem2()), merges, links(all.getItem4()));
                });
    }

    private static List<Curation.Link> links(RowSet<Row> rows) {
        List<Curation.Link> links = new ArrayList<>();
        for (Row row : rows) {
            links.add(new Curation.Link(new ItemRef(row.getString("language"),
                    SourceKind.valueOf(row.getString("source")), row.getString("item_key")),
                    row.getString("feature_id")));
        }
        return links;
    }

    /** Creates a feature, or changes its name, group or description (null keeps what was there). */
    public Uni<Long> saveFeature(CatalogFeature feature) {
        return version(pool.preparedQuery("WITH saved AS (INSERT INTO curated_feature (id, name, group_name, "
                + "description, updated_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT (id) DO UPDATE SET "
                + "name = COALESCE(excluded.name, curated_feature.name), "
                + "group_name = COALESCE(excluded.group_name, curated_feature.group_name), "
                + "description = COALESCE(excluded.description, curated_feature.description), updated_at = now()), "
                + BUMP + "SELECT version FROM bump")
                .execute(Tuple.of(feature.id(), feature.name(), feature.group(), feature.description())));
    }

    /** Links an item to a feature, or unlinks it (null feature): wins over every automatic link. */
    public Uni<Long> link(ItemRef item, String featureId) {
        return version(pool.preparedQuery("WITH saved AS (INSERT INTO curated_link (language, source, item_key, "
                + "feature_id, updated_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT (language, source, item_key) "
                + "DO UPDATE SET feature_id = excluded.feature_id, updated_at = now()), "
                + BUMP + "SELECT version FROM bump")
                .execute(Tuple.of(item.language(), item.source().name(), item.key(), featureId)));
    }

    /** Forgets a maintainer's link: the item is aligned automatically again. */
    public Uni<Long> clearLink(ItemRef item) {
        return version(pool.preparedQuery("WITH gone AS (DELETE FROM curated_link WHERE language = $1 AND source = $2"
                + " AND item_key = $3), " + BUMP + "SELECT version FROM bump")
                .execute(Tuple.of(item.language(), item.source().name(), item.key())));
    }

    /** Folds one feature into another. */
    public Uni<Long> merge(String from, String into) {
        return version(pool.preparedQuery("WITH saved AS (INSERT INTO curated_merge (from_id, into_id, updated_at) "
                + "VALUES ($1, $2, now()) ON CONFLICT (from_id) DO UPDATE SET into_id = excluded.into_id, "
                + "updated_at = now()), " + BUMP + "SELECT version FROM bump").execute(Tuple.of(from, into)));
    }

    /** Turns a suggestion down for good. */
    public Uni<Long> reject(ItemRef item, String featureId) {
        return version(pool.preparedQuery("WITH saved AS (INSERT INTO rejected_suggestion (language, source, "
                + "item_key, feature_id, updated_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING), "
                + BUMP + "SELECT version FROM bump")
                .execute(Tuple.of(item.language(), item.source().name(), item.key(), featureId)));
    }

    /**
     * Replaces all curation with an imported document, in one transaction: a document that fails half way leaves
     * the previous curation as it was.
     */
    public Uni<Long> replaceAll(Curation curation) {
        return pool.withTransaction(c -> c.query("DELETE FROM curated_feature").execute()
                .flatMap(x -> c.query("DELETE FROM curated_link").execute())
                .flatMap(x -> c.query("DELETE FROM curated_merge").execute())
                .flatMap(x -> c.query("DELETE FROM rejected_suggestion").execute())
                .flatMap(x -> batch(c, "INSERT INTO curated_feature (id, name, group_name, description, updated_at) "
                        + "VALUES ($1, $2, $3, $4, now())", curation.features().stream()
                        .map(f -> Tuple.of(f.id(), f.name(), f.group(), f.description())).toList()))
                .flatMap(x -> batch(c, "INSERT INTO curated_link (language, source, item_key, feature_id, updated_at)"
                        + " VALUES ($1, $2, $3, $4, now()) ON CONFLICT (language, source, item_key) DO UPDATE SET "
                        + "feature_id = excluded.feature_id", curation.links().stream().map(CurationRepository::tuple)
                        .toList()))
                .flatMap(x -> batch(c, "INSERT INTO curated_merge (from_id, into_id, updated_at) VALUES ($1, $2, now())"
                        + " ON CONFLICT (from_id) DO UPDATE SET into_id = excluded.into_id", curation.merges().stream()
                        .map(m -> Tuple.of(m.from(), m.into())).toList()))
                .flatMap(x -> batch(c, "INSERT INTO rejected_suggestion (language, source, item_key, feature_id, "
                        + "updated_at) VALUES ($1, $2, $3, $4, now()) ON CONFLICT DO NOTHING", curation.rejected()
                        .stream().map(CurationRepository::tuple).toList()))
                .flatMap(x -> version(c.query("UPDATE data_version SET version = version + 1, changed_at = now() "
                        + "WHERE id = 1 RETURNING version").execute())));
    }

    private static Tuple tuple(Curation.Link link) {
        return Tuple.of(link.item().language(), link.item().source().name(), link.item().key(), link.featureId());
    }

    private static Uni<Void> batch(io.vertx.mutiny.sqlclient.SqlConnection c, String sql, List<Tuple> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : c.preparedQuery(sql).executeBatch(rows).replaceWithVoid();
    }

    private static Uni<Long> version(Uni<RowSet<Row>> statement) {
        return statement.map(rows -> rows.iterator().next().getLong("version"));
    }
}
