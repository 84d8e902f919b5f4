package dev.crossroads.testing;

import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;

/** Direct SQL for tests: wiping sync history between tests, counting rows, reading single values. */
public final class Database {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Database() {
    }

    public static void wipeSyncHistory(Pool pool) {
        pool.query("TRUNCATE change_event, tracked_item, snapshot_item, snapshot, source_result, sync_run, http_cache,"
                + " history_backfill, release_tag").execute().await().atMost(WAIT);
        pool.query("UPDATE sync_lease SET holder = NULL, expires_at = NULL").execute().await().atMost(WAIT);
        pool.query("TRUNCATE curated_feature, curated_link, curated_merge, rejected_suggestion").execute().await()
                .atMost(WAIT);
        // the data version only ever moves forward: a wiped database is a new version, so matrices rebuild
        pool.query("UPDATE data_version SET version = version + 1, changed_at = now()").execute().await()
                .atMost(WAIT);
    }

    /**
     * What {@link #wipeSyncHistory} empties, emptied row by row (DELETE) instead: the tables keep their files, and the
     * server's sessions their catalog caches and planned statements, as a running service's tables do. TRUNCATE
     * gives every table and index a new file, which makes each session rebuild its cache entries and re-plan every
     * prepared statement at its next use: right for isolating tests, but a cost no sync in service pays.
     */
    public static void emptySyncHistory(Pool pool) {
        pool.withTransaction(sql -> sql.query("DELETE FROM change_event").execute()
                .flatMap(ignored -> sql.query("DELETE FROM tracked_item").execute())
                .flatMap(ignored -> sql.query("DELETE FROM snapshot_item").execute())
                .flatMap(ignored -> sql.query("DELETE FROM snapshot").execute())
                .flatMap(ignored -> sql.query("DELETE FROM source_result").execute())
                .flatMap(ignored -> sql.query("DELETE FROM sync_run").execute())
                .flatMap(ignored -> sql.query("DELETE FROM http_cache").execute())
                .flatMap(ignored -> sql.query("DELETE FROM history_backfill").execute())
                .flatMap(ignored -> sql.query("DELETE FROM release_tag").execute())
                .flatMap(ignored -> sql.query("DELETE FROM curated_link").execute())
                .flatMap(ignored -> sql.query("DELETE FROM curated_merge").execute())
                .flatMap(ignored -> sql.query("DELETE FROM rejected_suggestion").execute())
                .flatMap(ignored -> sql.query("DELETE FROM curated_feature").execute())
                .flatMap(ignored -> sql.query("UPDATE sync_lease SET holder = NULL, expires_at = NULL").execute())
                // a new version, as after a wipe: the matrix rebuilds
                .flatMap(ignored -> sql.query("UPDATE data_version SET version = version + 1, changed_at = now()")
                        .execute()))
                .await().atMost(WAIT);
    }

    public static long count(Pool pool, String sql) {
        return pool.query(sql).execute().await().atMost(WAIT).iterator().next().getLong(0);
    }

    /** The first column of the first row, as text. */
    public static String text(Pool pool, String sql) {
        return String.valueOf(pool.query(sql).execute().await().atMost(WAIT).iterator().next().getValue(0));
    }

    public static void execute(Pool pool, String sql) {
        pool.query(sql).execute().await().atMost(WAIT);
    }
}
