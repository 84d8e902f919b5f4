package dev.crossroads.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Upgrading a database written by an earlier release: the migrations must carry its rows forward so the next writes
 * neither collide nor fail. Runs Flyway on a PostgreSQL of its own, outside Quarkus.
 */
class MigrationUpgradeTests {

    /** JUnit deletes it after the class, with the cluster and its log in it. */
    @TempDir
    static Path directory;
    private static EmbeddedDatabase database;
    private static String url;

    @BeforeAll
    static void start() throws Exception {
        database = EmbeddedDatabase.startForTests(directory.resolve("db")); // its log lands beside it, in the same folder
        url = database.connectionProperties().get("quarkus.datasource.jdbc.url");
    }

    @AfterAll
    static void stop() {
        if (database != null) {
            database.close();
        }
    }

    @Test
    void idsHandedOutInBlocksOfFiftyBeforeV2AreNeverHandedOutAgain() throws Exception {
        flyway("1").migrate();
        try (Connection db = connect(); Statement sql = db.createStatement()) {
            // as Hibernate Reactive wrote them under V1: nextval gave the first id of a block of 50
            sql.execute("INSERT INTO snapshot (language, source, fetched_at, content_hash, content, item_count)"
                    + " VALUES ('python', 'ROADMAP', now(), repeat('a', 64), 'page', 3)");
            for (Map.Entry<String, String> table : Map.of(
                    "snapshot_item", "(id, snapshot_id, item_key, title) VALUES (%d, 1, 'k%d', 't')",
                    "tracked_item", "(id, language, source, item_key, title, first_seen, last_seen)"
                            + " VALUES (%d, 'python', 'ROADMAP', 'k%d', 't', now(), now())",
                    "change_event", "(id, occurred_at, language, source, item_key, title, kind, snapshot_id)"
                            + " VALUES (%d, now(), 'python', 'ROADMAP', 'k%d', 't', 'ADDED', 1)").entrySet()) {
                long first = value(sql, "SELECT nextval('" + table.getKey() + "_id_seq')");
                for (long id = first; id < first + 3; id++) {
                    sql.execute("INSERT INTO " + table.getKey() + " " + table.getValue().formatted(id, id));
                }
            }
        }

        flyway(null).migrate();

        try (Connection db = connect(); Statement sql = db.createStatement()) {
            for (String table : new String[] {"snapshot_item", "tracked_item", "change_event"}) {
                long highest = value(sql, "SELECT max(id) FROM " + table);
                long next = value(sql, "SELECT nextval('" + table + "_id_seq')");
                long after = value(sql, "SELECT nextval('" + table + "_id_seq')");
                assertThat(next).as(table + ": next id after the highest in use").isEqualTo(highest + 1);
                assertThat(after).as(table + ": consecutive from now on").isEqualTo(next + 1);
            }
        }
    }

    private static Flyway flyway(String target) {
        var config = Flyway.configure().dataSource(url, "postgres", database.password())
                .locations("classpath:db/migration").cleanDisabled(false);
        if (target != null) {
            config.target(target);
        }
        Flyway flyway = config.load();
        if (target != null) {
            flyway.clean();
        }
        return flyway;
    }

    private static Connection connect() throws Exception {
        return DriverManager.getConnection(url, "postgres", database.password());
    }

    private static long value(Statement sql, String query) throws Exception {
        try (ResultSet rows = sql.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
