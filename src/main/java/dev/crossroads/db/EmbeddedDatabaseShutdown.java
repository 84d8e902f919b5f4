package dev.crossroads.db;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Tells the embedded server's shutdown hook that Quarkus is stopping. The main thread cannot do it: on SIGTERM
 * Quarkus ends the JVM from its own hook and {@code Quarkus.run} never returns.
 */
@ApplicationScoped
class EmbeddedDatabaseShutdown {

    /** Observed last, after the application's own shutdown observers have used the database. */
    void onShutdown(@Observes @Priority(Integer.MAX_VALUE) ShutdownEvent event) {
        EmbeddedDatabase.started().ifPresent(EmbeddedDatabase::quarkusStopped);
    }
}
