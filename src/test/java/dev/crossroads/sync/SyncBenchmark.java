package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubBoards;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.zip.GZIPInputStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIf;

/**
 * Sync measurements for docs/benchmarks.md; not part of the test suite (no *Tests suffix). Run with
 * {@code ./mvnw test -Dtest=SyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false}; needs ../shared/corpus.
 */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
@EnabledIf("corpusPresent")
class SyncBenchmark {

    private static final int ROUNDS = 15;
    private static final int WARMUP = 60;
    private static final String[][] TREES = {
        {"aws-powertools/powertools-lambda-python", "develop", "python-2023-07-13-8625ccb4"},
        {"aws-powertools/powertools-lambda-typescript", "main", "typescript-2023-12-20-e9eb7f74"},
        {"aws-powertools/powertools-lambda-java", "main", "java-2023-12-08-8fee25b4"},
        {"aws-powertools/powertools-lambda-dotnet", "develop", "dotnet-2024-08-26-80889376"}};

    @InjectWireMock
    WireMockServer github;

    @Inject
    SyncService sync;

    @Inject
    Pool pool;

    static boolean corpusPresent() {
        return Files.isDirectory(Path.of("../shared/corpus/trees"));
    }

    @Test
    void measure() throws Throwable {
        github.resetAll();
        for (String[] tree : TREES) {
            GitHubTrees.serve(github, tree[0], tree[1], Path.of("../shared/corpus/trees", tree[2]));
        }
        GitHubBoards.servePowertools(github);
        StringBuilder report = new StringBuilder();

        // warm both paths: the first syncs run interpreted code through Hibernate, Vert.x and the parsers
        Database.wipeSyncHistory(pool);
        run(SyncRequest.everything(SyncRun.Trigger.MANUAL));
        List<String> urls = fetchedUrls();
        for (int i = 0; i < WARMUP; i++) {
            Database.wipeSyncHistory(pool);
            run(new SyncRequest(SyncRun.Trigger.MANUAL, Optional.empty(), java.util.Set.of(SourceKind.ROADMAP,
                    SourceKind.DOCS)));
            plainFetch(urls);
        }

        List<Long> syncMillis = new ArrayList<>();
        List<Long> plainMillis = new ArrayList<>();
        resetPeak();
        for (int i = 0; i < ROUNDS; i++) {
            Database.wipeSyncHistory(pool);
            github.resetRequests();
            long t0 = System.nanoTime();
            run(new SyncRequest(SyncRun.Trigger.MANUAL, Optional.empty(), java.util.Set.of(SourceKind.ROADMAP,
                    SourceKind.DOCS)));
            syncMillis.add((System.nanoTime() - t0) / 1_000_000);
            long t1 = System.nanoTime();
            plainFetch(urls);
            plainMillis.add((System.nanoTime() - t1) / 1_000_000);
        }
        long peakFull = peakHeapMb();
        report.append(String.format("full sync (roadmap + docs, 4 languages, %d files): median %d ms; plain parallel"
                + " HTTP GET of the same files: median %d ms; ratio %.2f; peak heap %d MB%n", urls.size(),
                median(syncMillis), median(plainMillis), (double) median(syncMillis) / median(plainMillis), peakFull));

        github.resetRequests();
        long rowsBefore = rows();
        SyncRun resync = run(new SyncRequest(SyncRun.Trigger.MANUAL, Optional.empty(), java.util.Set.of(
                SourceKind.ROADMAP, SourceKind.DOCS)));
        long requests = github.getAllServeEvents().size();
        long conditional = github.getAllServeEvents().stream()
                .filter(e -> e.getRequest().containsHeader("If-None-Match")).count();
        long notModified = github.getAllServeEvents().stream().filter(e -> e.getResponse().getStatus() == 304).count();
        long written = rows() - rowsBefore;
        report.append(String.format("resync, nothing changed: %d requests for %d files, %d conditional, %d answered"
                + " 304; rows written besides the run record: %d (run %d)%n", requests, urls.size(), conditional,
                notModified, written - 1 - 8, resync.id));

        for (int cards : new int[] {1_000, 10_000}) {
            GitHubBoards.serve(github, 3, "powertools-lambda-python", cards, cards / 100);
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

    private List<String> fetchedUrls() {
        return github.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/raw/"))
                .map(e -> github.baseUrl() + e.getRequest().getUrl()).distinct().sorted().toList();
    }

    /**
     * The baseline: the same GETs, four at a time, bodies read as strings, nothing else. Like the service it accepts
     * gzip (as raw.githubusercontent.com serves it), so both make the stand-in do the same work per file.
     */
    private static void plainFetch(List<String> urls) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<String>> bodies = new ArrayList<>();
            for (String url : urls) {
                bodies.add(pool.submit(() -> body(client.send(HttpRequest.newBuilder(URI.create(url))
                        .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofInputStream()))));
            }
            for (Future<String> body : bodies) {
                body.get();
            }
        } finally {
            pool.shutdown();
        }
    }

    private static String body(HttpResponse<InputStream> response) throws IOException {
        boolean gzip = response.headers().firstValue("Content-Encoding").filter("gzip"::equalsIgnoreCase).isPresent();
        try (InputStream in = gzip ? new GZIPInputStream(response.body()) : response.body()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
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
