package dev.crossroads.history;

import dev.crossroads.db.StoredText;
import dev.crossroads.snapshot.ItemColumn;
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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what a backfill read: each slice of historic snapshots with their items and the language's progress in one
 * transaction, and the releases once the tags are read. The item history is written by {@link ItemHistoryWriter}.
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
                VALUES ($1, $2, $3, $4, NULL, convert_from($5, 'UTF8'), $6, $7)
                RETURNING id
            ), items AS (
                INSERT INTO snapshot_item (snapshot_id, %s)
                SELECT snap.id, %s FROM snap, %s ORDER BY i.n
            )
            SELECT id FROM snap""".formatted(ItemColumn.names(), ItemColumn.unnested("i"),
            ItemColumn.unnestParameters(8, "i"));

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
                s.contentHash(), StoredText.utf8(s.content()), s.items().size(), historic.commitId()));
        for (ItemColumn column : ItemColumn.values()) {
            params.add(column.values(s.items()));
        }
        return sql.preparedQuery(INSERT_SNAPSHOT).execute(Tuple.from(params))
                .map(rows -> rows.iterator().next().getLong("id"));
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
