package dev.crossroads;

import dev.crossroads.db.DatabaseStartFailure;
import dev.crossroads.db.EmbeddedDatabase;
import dev.crossroads.db.DatabaseSettings;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.util.logging.Handler;
import org.jboss.logging.Logger;

/**
 * Entry point of the packaged service.
 *
 * <p>When no datasource URL is configured the service brings its own PostgreSQL: it has to be running before
 * Quarkus boots, because the datasource, Flyway and the readiness check all connect during start-up.
 * Tests do the same through a global test resource, so this class only matters for {@code java -jar}.
 */
@QuarkusMain
public final class CrossroadsMain {

    private CrossroadsMain() {
    }

    public static void main(String... args) {
        String problem = StartupChecks.problem(System.getenv(), System.getProperties());
        if (problem != null) {
            Logger.getLogger(CrossroadsMain.class).error(problem);
            exit(1);
            return;
        }
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        if (settings.externalDatabaseConfigured()) {
            Quarkus.run(args);
            return;
        }
        EmbeddedDatabase database;
        try {
            database = EmbeddedDatabase.start(settings.dataDirectory(), settings.port());
        } catch (DatabaseStartFailure e) {
            // the message says what holds the database and what to do; a stack trace would only bury it
            Logger.getLogger(CrossroadsMain.class).error(e.getMessage());
            exit(1);
            return;
        }
        database.connectionProperties().forEach(System::setProperty);
        database.stopWhenJvmExits();
        try {
            Quarkus.run(args);
        } finally {
            database.quarkusStopped();
        }
    }

    /**
     * Exits before Quarkus has set up logging. Until it does, log records wait in a handler on the root logger that
     * prints them only when closed; the launcher closes it when main returns, but not on {@code System.exit}.
     */
    private static void exit(int status) {
        for (Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.close();
        }
        System.exit(status);
    }
}
