package dev.crossroads.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportCommandTests {

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @Test
    void defaultsToMarkdownOnStandardOutputWithASync() {
        ReportCommand.Options options = parse().options();

        assertThat(options.format()).isEqualTo(ReportFormat.MARKDOWN);
        assertThat(options.output()).isNull();
        assertThat(options.selection().unfiltered()).isTrue();
        assertThat(options.failOnError()).isFalse();
        assertThat(options.noSync()).isFalse();
    }

    @Test
    void readsEveryOption() {
        ReportCommand.Options options = parse("--format", "csv", "--output", "out/PARITY.csv", "--languages",
                "python,java", "--languages", "dotnet", "--group", "Data", "--query", "-available_on:java",
                "--fail-on-error", "--no-sync").options();

        assertThat(options.format()).isEqualTo(ReportFormat.CSV);
        assertThat(options.output()).isEqualTo(Path.of("out/PARITY.csv"));
        assertThat(options.selection().languages()).isEqualTo(List.of("python", "java", "dotnet"));
        assertThat(options.selection().group()).isEqualTo("Data");
        assertThat(options.selection().query()).isEqualTo("-available_on:java");
        assertThat(options.failOnError()).isTrue();
        assertThat(options.noSync()).isTrue();
        assertThat(parse("-f", "HTML", "-o", "p.html").options().format()).isEqualTo(ReportFormat.HTML);
    }

    @Test
    void usageErrorsPrintTheUsageAndExit2() {
        ReportCommand.Parsed unknown = parse("--colour", "red");

        assertThat(unknown.exitCode()).isEqualTo(ReportCommand.USAGE);
        assertThat(err.toString()).contains("Unknown options: '--colour', 'red'").contains("Usage: report")
                .contains("--fail-on-error").contains("Exit codes:");
        assertThat(parse("--format", "pdf").exitCode()).isEqualTo(ReportCommand.USAGE);
        assertThat(err.toString()).contains("Unknown --format 'pdf': use md, csv, json or html");
        assertThat(parse("--output").exitCode()).isEqualTo(ReportCommand.USAGE);
        assertThat(out.toString()).isEmpty();
    }

    @Test
    void helpPrintsTheUsageAndExits0() {
        assertThat(parse("--help").exitCode()).isZero();
        assertThat(out.toString()).contains("Usage: report").contains("--no-sync");
        assertThat(err.toString()).isEmpty();
    }

    private ReportCommand.Parsed parse(String... args) {
        return ReportCommand.parse(args, new PrintWriter(out, true), new PrintWriter(err, true));
    }
}
