package dev.crossroads.testing;

import io.vertx.mutiny.sqlclient.Pool;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;

/** Direct SQL for tests: wiping sync history between tests, counting rows, reading single values. */
public final class Database {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private Database() {
    }

    /** What a test or a benchmark round starts without: sync history, caches and curation, children first. */
    private static final List<String> SYNC_TABLES = List.of("change_event", "tracked_item", "snapshot_item",
            "snapshot", "source_result", "sync_run", "http_cache", "history_backfill", "release_tag", "curated_link",
            "curated_merge", "rejected_suggestion", "curated_feature");

    /** Then no one holds the lease, and the data version moves on: a wiped database is a new version. */
    private static final String AFTER_EMPTYING = "UPDATE sync_lease SET holder = NULL, expires_at = NULL;"
            + " UPDATE data_version SET version = version + 1, changed_at = now()";

    public static void wipeSyncHistory(Pool pool) {
        pool.query("TRUNCATE " + String.join(", ", SYNC_TABLES) + "; " + AFTER_EMPTYING).execute().await()
                .atMost(WAIT);
    }

    /**
     * What {@link #wipeSyncHistory} empties, emptied row by row (DELETE) instead: the tables keep their files, and the
     * server's sessions their catalog caches and planned statements, as a running service's tables do. TRUNCATE
     * gives every table and index a new file, which makes each session rebuild its cache entries and re-plan every
     * prepared statement at its next use: right for isolating tests, but a cost no sync in service pays.
     */
    public static void emptySyncHistory(Pool pool) {
        // one simple query: PostgreSQL runs its statements as one transaction
        pool.query(SYNC_TABLES.stream().map(table -> "DELETE FROM " + table + "; ").collect(Collectors.joining())
                + AFTER_EMPTYING).execute().await().atMost(WAIT);
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
