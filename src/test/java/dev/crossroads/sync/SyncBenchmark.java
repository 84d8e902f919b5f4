package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubBoards;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.management.CompilationMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Sync measurements for docs/benchmarks.md; not part of the test suite (no *Tests suffix). Run with
 * {@code ./mvnw test -Dtest=SyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; needs ../shared/corpus, nginx
 * and curl. GitHub's raw host is nginx serving the corpus trees ({@link NginxCorpusResource}); the baseline is curl
 * fetching the same files from it, {@value #CONCURRENCY} at a time, as the sync does: rounds alternate a full sync, an
 * unchanged resync and curl, warm, in one run.
 */
@QuarkusTest
@WithTestResource(value = NginxCorpusResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
@EnabledIf("corpusPresent")
class SyncBenchmark {

    private static final int ROUNDS = 21;
    /** Warm-up goes on in batches of this many rounds until two batches in a row spent at most this share compiling. */
    private static final int WARM_BATCH = 20;
    private static final int WARM_COMPILING_PERCENT = 5;
    private static final int MAX_WARMUP = 1_000;
    /** curl's --parallel-max, and the sync's (crossroads.sync.parallelism, connections to one host). */
    private static final int CONCURRENCY = 4;
    private static final SyncRequest FILES = new SyncRequest(SyncRun.Trigger.MANUAL, Optional.empty(),
            java.util.Set.of(SourceKind.ROADMAP, SourceKind.DOCS));
    private static final Pattern LOGGED = Pattern.compile("\"GET (\\S+) HTTP/1\\.1\" (\\d{3}) ");

    @InjectWireMock
    WireMockServer api;

    @Inject
    SyncService sync;

    @Inject
    Pool pool;

    @Inject
    io.vertx.core.Vertx vertx;

    @Inject
    dev.crossroads.parity.ParityService parity;

    static boolean corpusPresent() {
        return Files.isDirectory(Path.of("../shared/corpus/trees"));
    }

    @Test
    void measure() throws Throwable {
        GitHubBoards.servePowertools(api);
        StringBuilder report = new StringBuilder();

        // the files a full sync reads, as nginx saw them
        Database.wipeSyncHistory(pool);
        Files.writeString(NginxCorpusResource.accessLog, "");
        run(FILES);
        List<String> urls = logged().stream().map(r -> r[0]).distinct().sorted()
                .map(path -> NginxCorpusResource.rawUrl.replaceFirst("/raw$", "") + path).toList();
        Path curlConfig = Files.createTempFile("crossroads-curl", ".txt");
        curlConfig.toFile().deleteOnExit();
        Files.write(curlConfig, urls.stream().map(url -> "url = \"" + url + "\"\noutput = \"/dev/null\"").toList());

        // warm both paths until the JIT compiler is done with them: code that runs once per file reaches C2 only
        // after some hundred syncs, and until then the compiler threads take one of the two cores from the sync
        CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
        int warmup = 0;
        long compiling = 100;
        long lastBatch;
        do {
            lastBatch = compiling;
            long jitBefore = jit.getTotalCompilationTime();
            long wallBefore = System.nanoTime();
            for (int i = 0; i < WARM_BATCH; i++, warmup++) {
                Database.emptySyncHistory(pool);
                run(FILES);
                run(FILES);
                curl(curlConfig);
                Database.wipeSyncHistory(pool);
                run(FILES);
            }
            compiling = 100 * (jit.getTotalCompilationTime() - jitBefore) / ((System.nanoTime() - wallBefore) / 1_000_000);
            // two quiet batches in a row: one alone was sometimes a lull, with a second of compiling still to come
        } while ((compiling > WARM_COMPILING_PERCENT || lastBatch > WARM_COMPILING_PERCENT) && warmup < MAX_WARMUP);
        long jitAtStart = jit.getTotalCompilationTime();

        List<Long> full = new ArrayList<>();
        List<Long> fullAfterTruncate = new ArrayList<>();
        List<Long> resync = new ArrayList<>();
        List<Long> curl = new ArrayList<>();
        List<Long> reread = new ArrayList<>();
        List<Long> curlCpu = new ArrayList<>();
        List<Long> curlStart = new ArrayList<>();
        resetPeak();
        long[] cpuFull = new long[2];
        long[] cpuResync = new long[2];
        long[] cpuReread = new long[2];
        long[] cpuFullAfterTruncate = new long[2];
        for (int i = 0; i < ROUNDS; i++) {
            // every source new to tables that stay as a running service has them (see emptySyncHistory)
            Database.emptySyncHistory(pool);
            quiet();
            long[] before = cpu();
            full.add(timed(() -> run(FILES)));
            add(cpuFull, before, cpu());
            quiet();
            before = cpu();
            resync.add(timed(() -> run(FILES)));
            add(cpuResync, before, cpu());
            curl.add(timed(() -> curlCpu.add(curl(curlConfig))));
            Database.execute(pool, "DELETE FROM http_cache");
            quiet();
            before = cpu();
            reread.add(timed(() -> run(FILES)));
            add(cpuReread, before, cpu());
            // the same full sync right after a TRUNCATE, as this benchmark measured it until December 2026
            Database.wipeSyncHistory(pool);
            quiet();
            before = cpu();
            fullAfterTruncate.add(timed(() -> run(FILES)));
            add(cpuFullAfterTruncate, before, cpu());
            curlStart.add(timed(() -> curlVersion()));
        }
        long peakFull = peakHeapMb();
        long measuring = jit.getTotalCompilationTime() - jitAtStart;
        report.append(String.format("%d files (%d requests by a full sync); medians of %d rounds, warm after %d rounds"
                + " (JIT compiler at %d%% of the last warm-up batch, %d ms of compiling during the measured rounds);"
                + " sockets: %s%n", urls.size(), urls.size(), ROUNDS, warmup, compiling, measuring,
                vertx.isNativeTransportEnabled() ? "epoll" : "NIO"));
        report.append(String.format("  full sync (roadmap + docs, 4 languages; tables emptied row by row): %d ms%n",
                median(full)));
        report.append(String.format("  full sync right after a TRUNCATE of the same tables: %d ms%n",
                median(fullAfterTruncate)));
        report.append(String.format("  unchanged resync: %d ms%n", median(resync)));
        report.append(String.format("  re-read without validators (fetch, parse, nothing new stored): %d ms%n", median(reread)));
        report.append(String.format("  curl --parallel --parallel-max %d --compressed, every file once: %d ms"
                + " (starting curl alone: %d ms)%n", CONCURRENCY, median(curl), median(curlStart)));
        report.append(String.format("  CPU per operation, averaged over the rounds (JVM / PostgreSQL): full sync %d / %d ms"
                + " (after a TRUNCATE %d / %d ms), resync %d / %d ms, re-read %d / %d ms; curl %d ms (its own user +"
                + " system time)%n", cpuFull[0] / ROUNDS, cpuFull[1] / ROUNDS, cpuFullAfterTruncate[0] / ROUNDS,
                cpuFullAfterTruncate[1] / ROUNDS, cpuResync[0] / ROUNDS, cpuResync[1] / ROUNDS,
                cpuReread[0] / ROUNDS, cpuReread[1] / ROUNDS,
                curlCpu.stream().mapToLong(Long::longValue).sum() / ROUNDS));
        report.append(String.format("  ratio full sync / curl: %.2f (after a TRUNCATE: %.2f); resync / curl: %.2f;"
                + " peak heap %d MB%n", (double) median(full) / median(curl),
                (double) median(fullAfterTruncate) / median(curl), (double) median(resync) / median(curl), peakFull));
        report.append("  rounds (full/resync/curl/full after a TRUNCATE ms): ");
        for (int i = 0; i < ROUNDS; i++) {
            report.append(full.get(i)).append('/').append(resync.get(i)).append('/').append(curl.get(i)).append('/')
                    .append(fullAfterTruncate.get(i)).append(' ');
        }
        report.append('\n');

        Files.writeString(NginxCorpusResource.accessLog, "");
        long rowsBefore = rows();
        SyncRun unchanged = run(FILES);
        List<String[]> requests = logged();
        long notModified = requests.stream().filter(r -> r[1].equals("304")).count();
        long written = rows() - rowsBefore;
        report.append(String.format("resync, nothing changed: %d requests for %d files, %d answered 304 (the rest"
                + " 404); rows written besides the run record and its results: %d (run %d)%n", requests.size(),
                urls.size(), notModified, written - 1 - 8, unchanged.id));

        for (int cards : new int[] {1_000, 10_000}) {
            GitHubBoards.serve(api, 3, "powertools-lambda-python", cards, cards / 100);
            List<Long> boardMillis = new ArrayList<>();
            resetPeak();
            for (int i = 0; i < 3; i++) {
                Database.wipeSyncHistory(pool);
                long t0 = System.nanoTime();
                SyncRun run = run(new SyncRequest(SyncRun.Trigger.MANUAL, Optional.of("python"),
                        Optional.of(SourceKind.BOARD)));
                boardMillis.add((System.nanoTime() - t0) / 1_000_000);
                assertThat(run.outcome).isEqualTo(SyncRun.Outcome.SUCCEEDED);
            }
            assertThat(Database.count(pool, "SELECT count(*) FROM tracked_item WHERE source = 'BOARD'")).isEqualTo(cards);
            report.append(String.format("board of %d cards (%d pages): median %d ms of 3 (fetch, parse, store %d items"
                    + " with history); peak heap %d MB%n", cards, cards / 100, median(boardMillis), cards, peakHeapMb()));
        }
        System.out.println("\n=== SyncBenchmark ===\n" + report);
        Files.writeString(Path.of("target/sync-benchmark.txt"), report.toString());
    }

    /**
     * Waits until the matrix shows what the last sync stored: the rebuild a sync triggers runs after it, and must
     * not share the machine with the next measurement.
     */
    private void quiet() throws InterruptedException {
        long version = Database.count(pool, "SELECT version FROM data_version");
        while (parity.state().dataVersion() < version) {
            Thread.sleep(5);
        }
        Thread.sleep(50);
    }

    private interface Step {
        void run() throws Throwable;
    }

    private static long timed(Step step) throws Throwable {
        long t0 = System.nanoTime();
        step.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }

    /** Path and status of every request nginx logged since the log was emptied. */
    private static List<String[]> logged() throws IOException {
        List<String[]> requests = new ArrayList<>();
        for (String line : Files.readAllLines(NginxCorpusResource.accessLog)) {
            Matcher request = LOGGED.matcher(line);
            if (request.find()) {
                requests.add(new String[] {request.group(1), request.group(2)});
            }
        }
        return requests;
    }

    /**
     * The baseline: every file once, {@value #CONCURRENCY} at a time, gzip accepted as the sync accepts it. Run by a
     * shell that then prints its children's CPU time ({@code times}); returns curl's user + system milliseconds.
     */
    private static long curl(Path config) throws Exception {
        Process shell = new ProcessBuilder("sh", "-c", "curl -s --compressed --parallel --parallel-max " + CONCURRENCY
                + " -K " + config + " >/dev/null 2>&1 && times").redirectErrorStream(true).start();
        String times = new String(shell.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(shell.waitFor()).isZero();
        // second line: the children's user and system time, such as "0m0.010000s 0m0.004000s"
        Matcher child = Pattern.compile("(\\d+)m([\\d.]+)s\\s+(\\d+)m([\\d.]+)s").matcher(times.lines().skip(1)
                .findFirst().orElse(""));
        assertThat(child.find()).as("times: %s", times).isTrue();
        return Math.round((Long.parseLong(child.group(1)) * 60 + Double.parseDouble(child.group(2))
                + Long.parseLong(child.group(3)) * 60 + Double.parseDouble(child.group(4))) * 1000);
    }

    /** CPU milliseconds used so far by this JVM and by the test's PostgreSQL (its server and backends). */
    private static long[] cpu() throws IOException {
        return new long[] {ticks(Path.of("/proc/self/stat")), postgresTicks()};
    }

    private static void add(long[] total, long[] before, long[] after) {
        total[0] += after[0] - before[0];
        total[1] += after[1] - before[1];
    }

    /** The test server's postmaster, found once: listing every process at each reading cost the JVM a few ms. */
    private static long postmaster = -1;

    private static long postgresTicks() throws IOException {
        if (postmaster < 0) {
            postmaster = ProcessHandle.allProcesses().filter(p -> p.info().commandLine()
                    .map(c -> c.contains("postgres -D") && c.contains("crossroads-test-pg")).orElse(false))
                    .mapToLong(ProcessHandle::pid).findFirst().orElse(-1);
        }
        if (postmaster < 0) {
            return 0;
        }
        long sum = ticks(Path.of("/proc", String.valueOf(postmaster), "stat"));
        for (ProcessHandle backend : ProcessHandle.of(postmaster).orElseThrow().children().toList()) {
            try {
                sum += ticks(Path.of("/proc", String.valueOf(backend.pid()), "stat"));
            } catch (IOException gone) {
                // a backend that ended between listing and reading
            }
        }
        return sum;
    }

    /** utime + stime of a /proc stat file, in milliseconds (clock ticks of 10 ms). */
    private static long ticks(Path stat) throws IOException {
        String text = Files.readString(stat);
        String[] fields = text.substring(text.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) * 10;
    }

    /** What starting curl costs by itself, part of every curl figure. */
    private static void curlVersion() throws Exception {
        Process curl = new ProcessBuilder("curl", "--version").redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(curl.waitFor()).isZero();
    }

    private long rows() {
        return Database.count(pool, "SELECT (SELECT count(*) FROM snapshot) + (SELECT count(*) FROM snapshot_item)"
                + " + (SELECT count(*) FROM change_event) + (SELECT count(*) FROM tracked_item)"
                + " + (SELECT count(*) FROM http_cache) + (SELECT count(*) FROM sync_run)"
                + " + (SELECT count(*) FROM source_result)");
    }

    private SyncRun run(SyncRequest request) throws Throwable {
        return VertxContextSupport.subscribeAndAwait(() -> sync.run(request));
    }

    private static long median(List<Long> values) {
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static void resetPeak() {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
    }

    private static long peakHeapMb() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
    }

}
