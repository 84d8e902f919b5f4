package dev.crossroads.report;

import dev.crossroads.parity.MatrixSelection;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityState;
import dev.crossroads.parity.query.QuerySyntaxException;
import dev.crossroads.sync.SourceResult;
import dev.crossroads.sync.SyncBusyException;
import dev.crossroads.sync.SyncQueryService;
import dev.crossroads.sync.SyncQueryService.RunWithResults;
import dev.crossroads.sync.SyncRequest;
import dev.crossroads.sync.SyncRun;
import dev.crossroads.sync.SyncService;
import io.quarkus.arc.Unremovable;
import io.quarkus.runtime.QuarkusApplication;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;

/**
 * The report command once Quarkus is up: checks the selection, syncs every source once (unless {@code --no-sync}),
 * waits for the matrix of what it stored, writes the report and returns the exit code. Every outcome ends with one
 * line on standard error saying what happened; standard output carries the report alone (when it is the output).
 */
@ApplicationScoped
@Unremovable // run by Quarkus.run(ReportApplication.class, ...), never injected
public class ReportApplication implements QuarkusApplication {

    /** A full sync is seconds; a rebuild after it well under one. Past these the database is not answering. */
    private static final Duration MATRIX_PATIENCE = Duration.ofMinutes(2);
    private static final String PREFIX = "crossroads report: ";

    private final SyncService sync;
    private final SyncQueryService runs;
    private final ParityService parity;
    private final ReportService reports;

    ReportApplication(SyncService sync, SyncQueryService runs, ParityService parity, ReportService reports) {
        this.sync = sync;
        this.runs = runs;
        this.parity = parity;
        this.reports = reports;
    }

    @Override
    public int run(String... args) {
        PrintStream err = System.err;
        ReportCommand.Parsed parsed = ReportCommand.parse(args, new PrintWriter(System.out), new PrintWriter(err));
        if (parsed.exitCode() != null) {
            return parsed.exitCode(); // checked before start-up already; here only if called some other way
        }
        ReportCommand.Options options = parsed.options();
        try {
            reports.check(options.selection());
        } catch (MatrixSelection.UnknownLanguageException e) {
            err.println(PREFIX + "--languages: " + e.getMessage());
            return ReportCommand.USAGE;
        } catch (QuerySyntaxException e) {
            err.println(PREFIX + "--query: " + e.getMessage());
            return ReportCommand.USAGE;
        }
        try {
            List<SourceResult> failed = options.noSync() ? List.of() : syncOnce(err);
            ParityState state = VertxContextSupport.subscribeAndAwait(() -> parity.upToDate(MATRIX_PATIENCE));
            Rendered report = reports.parity(state, options.format(), options.selection());
            write(report, options.output());
            int features = state.matrix().rows().size();
            err.println(PREFIX + "wrote " + (options.output() == null ? "the report to standard output"
                    : options.output()) + " (" + options.format().extension() + ", data version "
                    + report.dataVersion() + ", " + features + " features in the matrix"
                    + (report.notice() == null ? "" : "; " + report.notice()) + ")");
            if (!failed.isEmpty()) {
                err.println(PREFIX + failed.size() + " source(s) failed"
                        + (options.failOnError() ? "; exit " + ReportCommand.SOURCE_FAILED + " (--fail-on-error)"
                                : "; the report shows what was stored before"));
                return options.failOnError() ? ReportCommand.SOURCE_FAILED : ReportCommand.OK;
            }
            return ReportCommand.OK;
        } catch (SyncBusyException e) {
            err.println(PREFIX + "cannot sync now: " + e.getMessage() + "; run it again later, or with --no-sync to"
                    + " report what is stored");
            return ReportCommand.FATAL;
        } catch (Throwable e) {
            err.println(PREFIX + "failed: " + message(e));
            return ReportCommand.FATAL;
        }
    }

    /** Runs one sync of everything and returns the sources that failed, each named on standard error. */
    private List<SourceResult> syncOnce(PrintStream err) throws Throwable {
        SyncRun run = VertxContextSupport.subscribeAndAwait(() -> sync.run(SyncRequest.everything(
                SyncRun.Trigger.MANUAL)));
        List<RunWithResults> recent = VertxContextSupport.subscribeAndAwait(() -> runs.latestRuns(20));
        List<SourceResult> failed = recent.stream().filter(r -> r.run().id.equals(run.id)).findFirst()
                .map(RunWithResults::results).orElse(List.of()).stream()
                .filter(r -> r.status == SourceResult.Status.FAILED).toList();
        failed.forEach(r -> err.println(PREFIX + r.language + " " + r.source + " failed: " + r.message));
        err.println(PREFIX + "sync run " + run.id + " " + run.outcome);
        return failed;
    }

    /** To a file through a temporary sibling and a move: a reader never sees half a report. */
    private static void write(Rendered report, Path output) throws IOException {
        if (output == null) {
            System.out.write(report.body());
            System.out.flush();
            return;
        }
        try {
            replace(output.toAbsolutePath(), report.body());
        } catch (IOException e) {
            throw new IOException("cannot write " + output + " (" + e.getClass().getSimpleName() + ": "
                    + e.getMessage() + ")", e);
        }
    }

    private static void replace(Path target, byte[] body) throws IOException {
        Path parent = target.getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path temporary = Files.createTempFile(parent, "." + target.getFileName(), ".tmp");
        try {
            Files.write(temporary, body);
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temporary);
        }
    }

    private static String message(Throwable e) {
        Throwable cause = e;
        while ((cause.getMessage() == null || cause.getMessage().isBlank()) && cause.getCause() != null) {
            cause = cause.getCause();
        }
        String message = cause.getMessage();
        return message == null || message.isBlank() ? cause.getClass().getSimpleName() : message;
    }
}
