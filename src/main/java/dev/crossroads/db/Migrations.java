package dev.crossroads.db;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import org.flywaydb.core.Flyway;

/**
 * Migrates the schema ({@code src/main/resources/db/migration}) before anything else at start-up uses the database.
 * Run here rather than by Quarkus ({@code quarkus.flyway.migrate-at-start} is off) so that the embedded server can
 * start beside Quarkus's boot: this is the first thing that needs it, and it waits for it.
 */
@ApplicationScoped
class Migrations {

    /** First of the start-up observers: the ones after it (closing interrupted runs, the matrix) read the tables. */
    void migrate(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE - 100) StartupEvent event, Flyway flyway) {
        long waiting = System.nanoTime();
        EmbeddedDatabase.awaitStarted();
        long waited = (System.nanoTime() - waiting) / 1_000_000;
        if (waited > 0) {
            io.quarkus.logging.Log.debugf("Waited %d ms for the embedded PostgreSQL", waited);
        }
        flyway.migrate();
    }
}
