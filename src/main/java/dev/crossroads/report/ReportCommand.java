package dev.crossroads.report;

import dev.crossroads.parity.MatrixSelection;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code java -jar quarkus-run.jar report …}: sync once, write a parity report, exit. For scheduled jobs (a nightly
 * CI workflow keeping {@code PARITY.md}) that must not need a running service. This class only reads the command
 * line (picocli); {@link ReportApplication} does the work inside Quarkus.
 */
@Command(name = "report", sortOptions = false, usageHelpAutoWidth = true,
        description = "Syncs every source once (into the embedded database, or the configured one), writes the parity"
                + " report and exits. The scheduled sync and the HTTP API do not run.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the report was written",
            "1:fatal error (database, configuration, writing the file): one line says what",
            "2:usage error (unknown option or format, bad --query or --languages)",
            "3:the report was written, but a source failed and --fail-on-error was given"})
public final class ReportCommand {

    public static final String NAME = "report";
    public static final int OK = 0;
    public static final int FATAL = 1;
    public static final int USAGE = 2;
    public static final int SOURCE_FAILED = 3;

    @Option(names = {"-f", "--format"}, paramLabel = "md|csv|json|html", defaultValue = "md",
            description = "Report format (default: ${DEFAULT-VALUE}).")
    String format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE",
            description = "Write the report to FILE (replaced whole, never left half-written); standard output when"
                    + " omitted.")
    Path output;

    @Option(names = "--languages", paramLabel = "ID", split = ",",
            description = "Only these languages, comma-separated or repeated (parity and coverage are computed over"
                    + " them).")
    List<String> languages = new ArrayList<>();

    @Option(names = "--group", paramLabel = "GROUP", description = "Only features of this group.")
    String group;

    @Option(names = "--query", paramLabel = "QUERY",
            description = "Only features matching this search, e.g. '-available_on:java'.")
    String query;

    @Option(names = "--fail-on-error",
            description = "Exit with 3 when a source failed to sync (the report is still written).")
    boolean failOnError;

    @Option(names = "--no-sync", description = "Do not sync: report what the database holds.")
    boolean noSync;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    boolean help;

    /** What the command line asked for, checked. */
    public record Options(ReportFormat format, Path output, MatrixSelection selection, boolean failOnError,
            boolean noSync) {
    }

    /** The outcome of reading a command line: options to run with, or the exit code to stop with at once. */
    public record Parsed(Options options, Integer exitCode) {
    }

    /**
     * Reads the arguments after {@code report}. Usage errors are printed with the usage to {@code err} (exit
     * {@value #USAGE}); {@code --help} prints it to {@code out} (exit 0).
     */
    public static Parsed parse(String[] args, PrintWriter out, PrintWriter err) {
        ReportCommand command = new ReportCommand();
        CommandLine line = new CommandLine(command).setOut(out).setErr(err);
        try {
            line.parseArgs(args);
            if (line.isUsageHelpRequested()) {
                line.usage(out);
                out.flush();
                return new Parsed(null, OK);
            }
            ReportFormat format = ReportFormat.named(command.format).orElseThrow(() -> new ParameterException(line,
                    "Unknown --format '" + command.format + "': use " + ReportFormat.names()));
            return new Parsed(new Options(format, command.output, new MatrixSelection(
                    MatrixSelection.splitLanguages(command.languages), command.group, command.query),
                    command.failOnError, command.noSync), null);
        } catch (ParameterException e) {
            err.println(e.getMessage());
            line.usage(err);
            err.flush();
            return new Parsed(null, USAGE);
        }
    }

    /**
     * Settings of a one-shot run, set before Quarkus starts: no scheduled sync (the command runs its own), HTTP on a
     * free loopback port (nothing is served, but the server starts with Quarkus and must not take the service's
     * port), and logs on standard error, so that standard output carries the report alone.
     */
    public static Map<String, String> oneShotSettings() {
        return Map.of("crossroads.sync.enabled", "false",
                "quarkus.http.host", "127.0.0.1",
                "quarkus.http.port", "0",
                "quarkus.log.console.stderr", "true");
    }
}
