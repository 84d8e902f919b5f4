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
