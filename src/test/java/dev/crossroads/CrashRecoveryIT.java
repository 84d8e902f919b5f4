package dev.crossroads;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.crossroads.testing.GizmoRawHost;
import dev.crossroads.testing.PackagedService;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service killed with SIGKILL in the middle of a sync, then started again on the same data directory,
 * as a process supervisor would: it must come back on its own, without a person stopping the PostgreSQL left behind
 * or waiting out the dead process's sync lease.
 */
class CrashRecoveryIT {

    private static final String ADMIN_TOKEN = "crash-recovery-admin-token";

    @TempDir
    Path dir;

    private final List<PackagedService> started = new ArrayList<>();
    private GizmoRawHost rawHost;

    @AfterEach
    void stopEverything() throws Exception {
        started.forEach(service -> service.process().destroyForcibly());
        // a failed run may leave the orphan this test is about: stop every server on this test's directories
        for (ProcessHandle server : ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                .map(c -> c.contains("postgres") && c.contains(dir.toString())).orElse(false)).toList()) {
            server.destroy();
            server.onExit().get(10, TimeUnit.SECONDS);
        }
        if (rawHost != null) {
            rawHost.close();
        }
    }

    @Test
    void aServiceKilledMidSyncStartsAgainAtOnceStopsTheOrphanAndClosesTheDeadRun() throws Exception {
        Path dataDir = dir.resolve("pg");
        // each start gets another free port for its database (PackagedService), so the orphan cannot stand in
        Map<String, String> properties = properties(dataDir);

        PackagedService first = start(properties);
        first.awaitReady(Duration.ofSeconds(60));
        long interruptedRun = awaitValue(() -> single(dataDir,
                "SELECT id FROM sync_run WHERE outcome = 'RUNNING' AND trigger = 'STARTUP'"));
        long orphan = postmasterPid(dataDir);

        first.process().destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("PostgreSQL outlives the SIGKILLed service (what this test recovers from)").contains(true);

        rawHost().slow(false);
        long restarting = System.nanoTime();
        PackagedService second = start(properties);
        second.awaitReady(Duration.ofSeconds(60));
        assertThat(Duration.ofNanos(System.nanoTime() - restarting)).as("restart time")
                .isLessThan(Duration.ofSeconds(20));
        assertThat(ProcessHandle.of(orphan).filter(ProcessHandle::isAlive)).as("the orphan, stopped").isEmpty();
        assertThat(postmasterPid(dataDir)).isNotEqualTo(orphan);

        assertThat(text(dataDir, "SELECT outcome FROM sync_run WHERE id = " + interruptedRun)).isEqualTo("FAILED");
        // the start-up sync is not skipped for a lease the dead process held, and a manual sync is not refused
        awaitValue(() -> single(dataDir, "SELECT count(*) FROM sync_run WHERE trigger = 'STARTUP'"
                + " AND outcome <> 'RUNNING' AND id > " + interruptedRun) == 1 ? 1L : null);
        // the run row is closed a moment before this replica lets go of the sync: a refusal in that moment is not
        // the dead process's lease, which would last its whole two minutes
        String manual = second.graphql("mutation { triggerSync(language: \"python\") { outcome } }", ADMIN_TOKEN);
        for (long deadline = System.nanoTime() + 5_000_000_000L; manual.contains("SYNC_BUSY")
                && System.nanoTime() < deadline; ) {
            Thread.sleep(100);
            manual = second.graphql("mutation { triggerSync(language: \"python\") { outcome } }", ADMIN_TOKEN);
        }
        assertThat(manual).contains("\"outcome\":\"SUCCEEDED\"").doesNotContain("SYNC_BUSY");

        // the server lets in no one without the password the service keeps, readable by its owner only
        for (String wrong : new String[] {"", "postgres"}) {
            assertThatThrownBy(() -> DriverManager.getConnection(url(dataDir), "postgres", wrong).close())
                    .as("connecting with password '%s'", wrong).isInstanceOf(SQLException.class);
        }
        assertThat(Files.getPosixFilePermissions(dataDir.resolve("crossroads-password")))
                .isEqualTo(PosixFilePermissions.fromString("rw-------"));
    }

    @Test
    void aDataDirectoryHeldBySomethingElseStopsTheStartAtOnceWithOneLineSayingWhatToDo() throws Exception {
        Path dataDir = Files.createDirectories(dir.resolve("held"));
        long stranger = ProcessHandle.current().pid(); // alive, and not a PostgreSQL
        Files.writeString(dataDir.resolve("postmaster.pid"), stranger + "\n" + dataDir + "\n");

        PackagedService service = start(Map.of("crossroads.db.data-dir", dataDir.toString()));

        assertThat(service.process().waitFor(20, TimeUnit.SECONDS)).as("exits at once").isTrue();
        assertThat(service.process().exitValue()).isNotZero();
        String output = service.output();
        assertThat(output.lines().filter(line -> line.contains("ERROR")))
                .singleElement().asString().contains("PID " + stranger, "delete " + dataDir.resolve("postmaster.pid"));
        assertThat(output).doesNotContain("Exception", "\tat ");
    }

    private Map<String, String> properties(Path dataDir) throws IOException {
        Path family = GizmoRawHost.writeFamily(dir);
        return Map.of("crossroads.db.data-dir", dataDir.toString(), "crossroads.config-file", family.toString(),
                "crossroads.admin.token", ADMIN_TOKEN,
                "crossroads.github.raw-url", rawHost().url());
    }

    private PackagedService start(Map<String, String> properties) throws IOException {
        PackagedService service = PackagedService.start(dir, properties);
        started.add(service);
        return service;
    }

    /** The Gizmo trees as a raw file host, slow until the test says otherwise, so a sync lasts. */
    private GizmoRawHost rawHost() throws IOException {
        if (rawHost == null) {
            rawHost = GizmoRawHost.start();
        }
        return rawHost;
    }

    private static long postmasterPid(Path dataDir) throws IOException {
        return Long.parseLong(Files.readAllLines(dataDir.resolve("postmaster.pid")).get(0).trim());
    }

    /** The running server's address: its port is line 4 of {@code postmaster.pid}. */
    private static String url(Path dataDir) throws IOException {
        return "jdbc:postgresql://localhost:" + Files.readAllLines(dataDir.resolve("postmaster.pid")).get(3).trim()
                + "/postgres";
    }

    /** Connects as the service does, with the password it keeps in the data directory. */
    private static Connection connect(Path dataDir) throws IOException, SQLException {
        Path file = dataDir.resolve("crossroads-password");
        String password = Files.exists(file) ? Files.readString(file).trim() : "postgres";
        return DriverManager.getConnection(url(dataDir), "postgres", password);
    }

    private static Long single(Path dataDir, String query) throws IOException, SQLException {
        try (Connection c = connect(dataDir); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            return rs.next() ? rs.getLong(1) : null;
        }
    }

    private static String text(Path dataDir, String query) throws IOException, SQLException {
        try (Connection c = connect(dataDir); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(query)) {
            rs.next();
            return rs.getString(1);
        }
    }

    /** Polls until {@code value} gives a non-null answer; the database may not be up yet. */
    private static long awaitValue(Callable<Long> value) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            try {
                Long found = value.call();
                if (found != null) {
                    return found;
                }
            } catch (SQLException | IOException notYet) {
                // not up yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no value within 60 s");
    }
}
