package dev.crossroads.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PostgresLogTests {

    @TempDir
    Path dir;

    @Test
    void aFailedStartIsExplainedByItsOwnFatalLineAndTheLogLineBeforeIt() throws IOException {
        Path log = PostgresLog.of(dir.resolve("pg"));
        Files.writeString(log, """
                2026-01-01 10:00:00.000 GMT [1] LOG:  database system is ready to accept connections
                2026-01-01 10:00:01.000 GMT [1] FATAL:  an old failure, before this start
                """);
        long offset = Files.size(log);
        Files.writeString(log, """
                waiting for server to start....2026-01-02 [2] LOG:  unrecognized configuration parameter "x" in file
                2026-01-02 [2] FATAL:  configuration file "/data/postgresql.conf" contains errors
                pg_ctl: could not start server
                """, java.nio.file.StandardOpenOption.APPEND);

        assertThat(PostgresLog.complaints(log, offset)).isEqualTo("LOG:  unrecognized configuration parameter \"x\""
                + " in file; FATAL:  configuration file \"/data/postgresql.conf\" contains errors");
    }

    @Test
    void nothingToQuoteWhenThereIsNoLogOrNoComplaint() throws IOException {
        assertThat(PostgresLog.complaints(dir.resolve("missing.log"), 0)).isEmpty();
        Path log = Files.writeString(PostgresLog.of(dir.resolve("pg")), "LOG:  database system is ready\n");
        assertThat(PostgresLog.complaints(log, 0)).isEmpty();
    }
}
