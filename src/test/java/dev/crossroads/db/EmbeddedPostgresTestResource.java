package dev.crossroads.db;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.apache.commons.io.file.PathUtils;

/**
 * One real PostgreSQL for the whole test run, started before the first Quarkus test and handed to Quarkus as the
 * datasource. GLOBAL scope keeps it to one server however many test classes there are.
 */
@WithTestResource(value = EmbeddedPostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;
    private Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("crossroads-test-pg");
            database = EmbeddedDatabase.startForTests(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return database.connectionProperties();
    }

    @Override
    public void stop() {
        if (database != null) {
            database.close();
        }
        // each run's cluster is a few hundred MB: left behind, a few hundred runs fill the disk
        if (directory != null) {
            try {
                PathUtils.deleteDirectory(directory);
                Files.deleteIfExists(PostgresLog.of(directory));
            } catch (IOException e) {
                System.err.println("Could not delete the test database's directory " + directory + ": " + e);
            }
        }
    }
}
