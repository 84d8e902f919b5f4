package dev.crossroads.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The embedded server's password, on a new data directory and on one initialised before passwords. */
class ServerPasswordTests {

    @TempDir
    Path dir;

    @Test
    void aNewDirectoryRequiresItsOwnPasswordFromTheStart() throws Exception {
        Path dataDir = dir.resolve("new");
        try (EmbeddedDatabase database = EmbeddedDatabase.startForTests(dataDir)) {
            assertRequiresOnly(database, dataDir);
        }
        assertThat(ServerPassword.trusts(dataDir.resolve("pg_hba.conf"))).isFalse();

        Files.delete(dataDir.resolve(ServerPassword.FILE));
        assertThatThrownBy(() -> EmbeddedDatabase.startForTests(dataDir)).isInstanceOf(DatabaseStartFailure.class)
                .hasMessageContaining(dataDir.resolve(ServerPassword.FILE) + " that keeps it is missing");
    }

    @Test
    void aDirectoryThatTrustedEveryoneGetsAPasswordAtItsFirstStartAndKeepsItsData() throws Exception {
        Path dataDir = dir.resolve("old");
        // as the service initialised its directory before: zonky's defaults, "trust" for every local connection
        try (EmbeddedPostgres old = EmbeddedPostgres.builder().setDataDirectory(dataDir).setCleanDataDirectory(false)
                .start(); Connection c = old.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE kept (id int); INSERT INTO kept VALUES (7)");
        }

        String password;
        try (EmbeddedDatabase database = EmbeddedDatabase.startForTests(dataDir)) {
            assertRequiresOnly(database, dataDir);
            password = database.password();
            try (Connection c = connect(database, password); Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT id FROM kept")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getInt(1)).isEqualTo(7);
            }
        }
        assertThat(ServerPassword.trusts(dataDir.resolve("pg_hba.conf"))).isFalse();

        try (EmbeddedDatabase again = EmbeddedDatabase.startForTests(dataDir)) {
            assertThat(again.password()).as("the same password on the next start").isEqualTo(password);
            connect(again, password).close();
        }
    }

    private static void assertRequiresOnly(EmbeddedDatabase database, Path dataDir) throws Exception {
        Path file = dataDir.resolve(ServerPassword.FILE);
        assertThat(Files.readString(file)).isEqualTo(database.password()).hasSize(32);
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(PosixFilePermissions.fromString("rw-------"));
        connect(database, database.password()).close();
        for (String wrong : new String[] {"", "postgres"}) {
            assertThatThrownBy(() -> connect(database, wrong).close()).as("password '%s'", wrong)
                    .isInstanceOf(SQLException.class).hasMessageContaining("password");
        }
    }

    private static Connection connect(EmbeddedDatabase database, String password) throws SQLException {
        return DriverManager.getConnection(database.connectionProperties().get("quarkus.datasource.jdbc.url"),
                "postgres", password);
    }
}
