package dev.crossroads.db;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/**
 * One real PostgreSQL for the whole test run, started before the first Quarkus test and handed to Quarkus as the
 * datasource. GLOBAL scope keeps it to one server however many test classes there are.
 */
@WithTestResource(value = EmbeddedPostgresTestResource.class, scope = TestResourceScope.GLOBAL)
public class EmbeddedPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    private EmbeddedDatabase database;

    @Override
    public Map<String, String> start() {
        try {
            database = EmbeddedDatabase.startForTests(Files.createTempDirectory("crossroads-test-pg"));
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
    }
}
