package dev.crossroads;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossroads.db.EmbeddedDatabase;
import dev.crossroads.report.ReportCommand;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The one-shot report command of the packaged jar, as a nightly CI job runs it: {@code java -jar quarkus-run.jar
 * report …} against families read from local folders (the Gizmo example trees), checking the file it writes, what
 * it prints and its exit codes.
 */
class ReportCommandIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Path GIZMO = Path.of("config/examples/gizmo").toAbsolutePath();

    @TempDir
    Path dir;

    private final List<Process> started = new ArrayList<>();

    @AfterEach
    void killLeftovers() {
        started.forEach(Process::destroyForcibly);
    }

    /** What a finished command left: its exit code and both output streams. */
    private record Run(int exitCode, String out, String err) {
    }

    @Test
    void helpAndUsageErrorsAnswerBeforeAnythingStarts() throws Exception {
        Path dataDir = dir.resolve("pg");

        Run help = report(Map.of("crossroads.db.data-dir", dataDir.toString()), Map.of(), "--help");
        assertThat(help.exitCode()).isZero();
        assertThat(help.out()).contains("Usage: report").contains("--fail-on-error").contains("Exit codes:");

        Run badFormat = report(Map.of("crossroads.db.data-dir", dataDir.toString()), Map.of(), "--format", "pdf");
        assertThat(badFormat.exitCode()).isEqualTo(ReportCommand.USAGE);
        assertThat(badFormat.err()).contains("Unknown --format 'pdf': use md, csv, json or html")
                .contains("Usage: report");

        Run unknown = report(Map.of("crossroads.db.data-dir", dataDir.toString()), Map.of(), "--colour", "red");
        assertThat(unknown.exitCode()).isEqualTo(ReportCommand.USAGE);
        assertThat(unknown.err()).contains("Unknown options: '--colour', 'red'");
        assertThat(dataDir).as("no database was started").doesNotExist();
    }

    @Test
    void syncsIntoItsOwnDatabaseWritesTheMarkdownFileAndExits0() throws Exception {
        Path family = gizmoFamily(false);
        Path dataDir = dir.resolve("pg");
        Map<String, String> properties = Map.of("crossroads.config-file", family.toString(),
                "crossroads.db.data-dir", dataDir.toString());
        Path output = dir.resolve("site/PARITY.md");

        Run run = report(properties, Map.of(), "--format", "md", "--output", output.toString());

        assertThat(run.exitCode()).as("exit code; stderr:%n%s", run.err()).isZero();
        assertThat(run.out()).as("standard output, the report having gone to a file").isEmpty();
        assertThat(run.err()).contains("crossroads report: sync run").contains("SUCCEEDED")
                .contains("crossroads report: wrote " + output + " (md, data version");
        String markdown = Files.readString(output);
        assertThat(markdown).startsWith("# Feature parity: Gizmo Toolkit\n\nData version ");
        assertThat(markdown).contains("| Feature | Group | Parity | Python | Go | Rust |\n"
                + "|---|---|---|---|---|---|\n| Logger | Core observability | universal since ");
        String since = " since " + java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(markdown).contains("| Retry | Utilities | partial | ➖ absent | ⚠️ deprecated" + since
                + " | ✅ available" + since + " |\n");
        assertThat(markdown).contains("| Batch Processing | Data | partial | ✅ available" + since + " | ✅ available"
                + since + " | 📅 planned" + since + " |\n");
        assertThat(markdown).contains("Coverage (shipped / shipped anywhere): Python ");
        assertThat(postgresProcessesUsing(dataDir)).as("postgres left running").isEmpty();

        // the same database without syncing, as JSON on standard output: logs stay on standard error
        Run json = report(properties, Map.of(), "--no-sync", "--format", "json", "--languages", "python,rust");
        assertThat(json.exitCode()).as("exit code; stderr:%n%s", json.err()).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out());
        assertThat(report.get("family").asText()).isEqualTo("Gizmo Toolkit");
        assertThat(report.get("languages").findValuesAsText("id")).containsExactly("python", "rust");
        assertThat(report.get("rows").size()).isGreaterThan(5);
        assertThat(json.err()).doesNotContain("sync run");

        Run badQuery = report(properties, Map.of(), "--no-sync", "--query", "status:(");
        assertThat(badQuery.exitCode()).isEqualTo(ReportCommand.USAGE);
        assertThat(badQuery.err()).contains("crossroads report: --query: at 7: expected a value after 'status:'");
        assertThat(badQuery.out()).isEmpty();
    }

    @Test
    void aFailedSourceFailsTheCommandOnlyWithFailOnErrorAndTheScheduleNeverSyncs() throws Exception {
        Path family = gizmoFamily(true);
        Path output = dir.resolve("PARITY.md");
        try (EmbeddedDatabase database = EmbeddedDatabase.startForTests(dir.resolve("external"))) {
            Map<String, String> env = externalDatasource(database);
            Map<String, String> properties = Map.of("crossroads.config-file", family.toString(),
                    "crossroads.sync.interval", "1s");

            Run strict = report(properties, env, "--output", output.toString(), "--fail-on-error");
            assertThat(strict.exitCode()).as("exit code; stderr:%n%s", strict.err())
                    .isEqualTo(ReportCommand.SOURCE_FAILED);
            assertThat(strict.err()).contains("crossroads report: broken ROADMAP failed: docs/no-such-roadmap.md"
                    + " not found").contains("1 source(s) failed; exit 3 (--fail-on-error)");
            assertThat(Files.readString(output)).as("the report is written all the same")
                    .contains("| Feature | Group | Parity | Python | Broken |");

            Run lenient = report(properties, env, "--output", output.toString());
            assertThat(lenient.exitCode()).as("exit code; stderr:%n%s", lenient.err()).isZero();
            assertThat(lenient.err()).contains("1 source(s) failed; the report shows what was stored before");

            assertThat(count(database, "SELECT count(*) FROM sync_run")).as("runs: one per command, none"
                    + " scheduled, though the interval is 1 s").isEqualTo(2);
            assertThat(count(database, "SELECT count(*) FROM sync_run WHERE trigger <> 'MANUAL'")).isZero();

            Files.writeString(dir.resolve("a-file"), "not a folder");
            Run unwritable = report(properties, env, "--no-sync", "--output",
                    dir.resolve("a-file/PARITY.md").toString());
            assertThat(unwritable.exitCode()).isEqualTo(ReportCommand.FATAL);
            assertThat(unwritable.err()).contains("crossroads report: failed: cannot write "
                    + dir.resolve("a-file/PARITY.md"));
        }
    }

    // ------------------------------------------------------------------ helpers

    private Run report(Map<String, String> properties, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        properties.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toString(), "report"));
        command.addAll(List.of(args));
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_") || k.startsWith("CROSSROADS_"));
        builder.environment().putAll(env);
        Process process = builder.start();
        started.add(process);
        assertThat(process.waitFor(180, TimeUnit.SECONDS)).as("the command ends; stderr so far:%n%s",
                Files.readString(err)).isTrue();
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    /** The Gizmo trees from local folders; with {@code broken}, Python and a language whose roadmap is missing. */
    private Path gizmoFamily(boolean broken) throws IOException {
        Path family = dir.resolve(broken ? "broken.yaml" : "gizmo.yaml");
        String languages = broken ? language("python", "Python", "python", "docs/roadmap.md")
                + language("broken", "Broken", "go", "docs/no-such-roadmap.md")
                : language("python", "Python", "python", "docs/roadmap.md")
                        + language("go", "Go", "go", "docs/roadmap.md")
                        + language("rust", "Rust", "rust", "docs/roadmap.md");
        Files.writeString(family, "family: { id: gizmo, name: Gizmo Toolkit }\nlanguages:\n" + languages);
        return family;
    }

    private static String language(String id, String name, String folder, String roadmap) {
        return "  - id: " + id + "\n    name: " + name + "\n    repository: gizmo-labs/gizmo-" + folder + "\n"
                + "    local-path: " + GIZMO.resolve(folder) + "\n    roadmap: " + roadmap + "\n"
                + "    docs: { nav: mkdocs.yml, home: docs/index.md, root: docs }\n";
    }

    private static Map<String, String> externalDatasource(EmbeddedDatabase database) {
        return Map.of(
                "QUARKUS_DATASOURCE_REACTIVE_URL", "postgresql://localhost:" + database.port() + "/postgres",
                "QUARKUS_DATASOURCE_JDBC_URL", "jdbc:postgresql://localhost:" + database.port() + "/postgres",
                "QUARKUS_DATASOURCE_USERNAME", "postgres",
                "QUARKUS_DATASOURCE_PASSWORD", database.password());
    }

    private static long count(EmbeddedDatabase database, String query) throws SQLException {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://localhost:" + database.port()
                + "/postgres", "postgres", database.password()); var s = c.createStatement();
                var rs = s.executeQuery(query)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static List<ProcessHandle> postgresProcessesUsing(Path dataDir) {
        String path = dataDir.toAbsolutePath().toString();
        return ProcessHandle.allProcesses()
                .filter(p -> p.info().commandLine().map(c -> c.contains("postgres") && c.contains(path)).orElse(false))
                .toList();
    }
}
