package dev.crossroads.api.rest;

import static dev.crossroads.testing.WebhookSignatures.sign;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.sync.SyncQueue;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * No push is dropped: pushes that arrive while a sync runs (here, or on another replica) are queued, coalesced per
 * language and source, and synced when it ends; a replayed delivery is acknowledged and synced once.
 */
@QuarkusTest
// the slow file must still arrive: its requests get ten seconds (one, the default here, was a narrow margin)
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES,
        initArgs = @ResourceArg(name = GitHubWireMockResource.REQUEST_TIMEOUT, value = "PT10S"))
class GitHubWebhookQueueTests {

    private static final Duration SETTLE = Duration.ofSeconds(30);
    /** Slow enough for the pushes to arrive while it syncs; under this class's request timeout. */
    private static final int SLOW_MS = 700;

    private static final String PYTHON = "aws-powertools/powertools-lambda-python";
    private static final String TYPESCRIPT = "aws-powertools/powertools-lambda-typescript";
    private static final String JAVA = "aws-powertools/powertools-lambda-java";

    @InjectWireMock
    WireMockServer github;

    @Inject
    Pool pool;

    @Inject
    SyncQueue queue;

    @BeforeEach
    void fresh() {
        await("an idle queue", queue::idle);
        GitHubTrees.resetAll(github, pool);
    }

    @AfterEach
    void settle() {
        awaitSettled("this test's syncs", () -> true);
    }

    @Test
    void pushesArrivingDuringASlowSyncAreSyncedWhenItEnds() {
        slowPythonRoadmap();
        deliver(push(PYTHON, "develop", "docs/roadmap.md")).statusCode(202);
        awaitRunning();

        ExtractableResponse<Response> typescript = deliver(push(TYPESCRIPT, "main", "docs/roadmap.md"))
                .statusCode(202).extract();
        ExtractableResponse<Response> java = deliver(push(JAVA, "main", "docs/roadmap.md")).statusCode(202).extract();
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run WHERE outcome = 'RUNNING'"))
                .as("the slow python sync was still running when the other pushes were answered").isEqualTo(1);

        awaitSettled("a roadmap result for each pushed language", () -> roadmapResults() == 3);
        assertThat(roadmapResultsOf("python")).isEqualTo(1);
        assertThat(roadmapResultsOf("typescript")).isEqualTo(1);
        assertThat(roadmapResultsOf("java")).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run WHERE trigger = 'WEBHOOK'"
                + " AND outcome = 'SUCCEEDED'")).isEqualTo(3);
        assertThat(typescript.<String>path("status")).isEqualTo("sync queued");
        assertThat(typescript.<List<String>>path("queued.language")).containsExactly("typescript");
        assertThat(typescript.<List<String>>path("queued.source")).containsExactly("ROADMAP");
        assertThat(java.<List<String>>path("queued.language")).containsExactly("java");
    }

    @Test
    void threePushesForThreeLanguagesAtOnceAreAllSynced() throws Exception {
        List<String> pushes = List.of(push(PYTHON, "develop", "docs/roadmap.md"),
                push(TYPESCRIPT, "main", "docs/roadmap.md"), push(JAVA, "main", "docs/roadmap.md"));
        ExecutorService senders = Executors.newFixedThreadPool(pushes.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Integer>> answers = new ArrayList<>();
            for (String push : pushes) {
                answers.add(senders.submit(() -> {
                    go.await();
                    return deliver(push).extract().statusCode();
                }));
            }
            go.countDown();
            for (Future<Integer> answer : answers) {
                assertThat(answer.get(SETTLE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(202);
            }
        } finally {
            senders.shutdownNow();
        }

        awaitSettled("a roadmap result for each pushed language", () -> roadmapResults() == 3);
        assertThat(Database.count(pool, "SELECT count(DISTINCT language) FROM source_result WHERE source = 'ROADMAP'"))
                .isEqualTo(3);
    }

    @Test
    void aReplayedDeliveryIsAcknowledgedAndNotSyncedAgain() {
        slowPythonRoadmap();
        String push = push(PYTHON, "develop", "docs/roadmap.md");
        String delivery = UUID.randomUUID().toString();
        deliver(push, delivery).statusCode(202);
        awaitRunning();

        deliver(push, delivery).statusCode(200).body("status", containsString("already received"));
        awaitSettled("the python sync", () -> roadmapResults() >= 1);
        deliver(push, delivery).statusCode(200).body("status", containsString("already received"));

        awaitSettled("nothing more", () -> true);
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run")).isEqualTo(1);
        assertThat(roadmapResultsOf("python")).isEqualTo(1);
    }

    @Test
    void pushesForTheSameLanguageDuringASyncCoalesceIntoOneMoreRun() {
        slowPythonRoadmap();
        deliver(push(PYTHON, "develop", "docs/roadmap.md")).statusCode(202);
        awaitRunning();

        deliver(push(PYTHON, "develop", "docs/roadmap.md")).statusCode(202)
                .body("queued.source", contains("ROADMAP"));
        deliver(push(PYTHON, "develop", "docs/roadmap.md")).statusCode(202)
                .body("queued", empty()).body("alreadyQueued.source", contains("ROADMAP"));
        deliver(push(PYTHON, "develop", "docs/core/logger.md")).statusCode(202)
                .body("queued.source", contains("DOCS"));
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run WHERE outcome = 'RUNNING'"))
                .as("the slow sync was still running when the other pushes were answered").isEqualTo(1);

        awaitSettled("a second python run", () -> Database.count(pool, "SELECT count(*) FROM sync_run") >= 2);
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run")).isEqualTo(2);
        assertThat(Database.text(pool, "SELECT requested_language || ' ' || requested_source FROM sync_run"
                + " ORDER BY id DESC LIMIT 1")).isEqualTo("python DOCS,ROADMAP");
        assertThat(roadmapResultsOf("python")).isEqualTo(2);
        assertThat(Database.count(pool, "SELECT count(*) FROM source_result WHERE source = 'DOCS'")).isEqualTo(1);
    }

    @Test
    void pushesWhileAnotherReplicaSyncsRunWhenItsLeaseEnds() {
        Database.execute(pool, "UPDATE sync_lease SET holder = 'other-replica', expires_at = now() + interval '2 s'");
        String leaseEnds = Database.text(pool, "SELECT expires_at FROM sync_lease");

        deliver(push(PYTHON, "develop", "docs/roadmap.md")).statusCode(202).body("queued.language", contains("python"));
        deliver(push(TYPESCRIPT, "main", "docs/roadmap.md")).statusCode(202);

        awaitSettled("both pushed languages", () -> roadmapResults() == 2);
        assertThat(roadmapResultsOf("python")).isEqualTo(1);
        assertThat(roadmapResultsOf("typescript")).isEqualTo(1);
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run WHERE started_at < '" + leaseEnds + "'"))
                .as("runs started while the other replica held the lease").isZero();
        assertThat(Database.text(pool, "SELECT string_agg(requested_language, ',' ORDER BY id) FROM sync_run"))
                .as("oldest first").isEqualTo("python,typescript");
    }

    private void slowPythonRoadmap() {
        String path = GitHubTrees.rawPath(PYTHON, "develop", "docs/roadmap.md");
        github.stubFor(get(urlEqualTo(path)).atPriority(0).willReturn(aResponse().withStatus(200)
                .withFixedDelay(SLOW_MS).withHeader("Content-Type", "text/plain; charset=utf-8")
                .withBody(GitHubTrees.read(GitHubTrees.PYTHON.resolve("docs/roadmap.md")))));
    }

    private long roadmapResults() {
        return Database.count(pool, "SELECT count(*) FROM source_result WHERE source = 'ROADMAP'");
    }

    private long roadmapResultsOf(String language) {
        return Database.count(pool, "SELECT count(*) FROM source_result WHERE source = 'ROADMAP' AND language = '"
                + language + "'");
    }

    private void awaitRunning() {
        await("a running sync", () -> Database.count(pool,
                "SELECT count(*) FROM sync_run WHERE outcome = 'RUNNING'") == 1);
    }

    /** Until the condition holds, nothing is queued or running, and every run is closed. */
    private void awaitSettled(String what, BooleanSupplier condition) {
        await(what + ", then an idle queue", () -> condition.getAsBoolean() && queue.idle()
                && Database.count(pool, "SELECT count(*) FROM sync_run WHERE outcome = 'RUNNING'") == 0);
    }

    private static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + SETTLE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting " + SETTLE.toSeconds() + " s for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted waiting for " + what);
            }
        }
    }

    private static String push(String repository, String branch, String file) {
        return """
                {"ref": "refs/heads/%s", "repository": {"full_name": "%s"},
                 "commits": [{"added": [], "removed": [], "modified": ["%s"]}]}
                """.formatted(branch, repository, file);
    }

    private static ValidatableResponse deliver(String body) {
        return deliver(body, UUID.randomUUID().toString());
    }

    private static ValidatableResponse deliver(String body, String delivery) {
        return given().header("X-GitHub-Event", "push").header("X-GitHub-Delivery", delivery)
                .header("X-Hub-Signature-256", sign(body)).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8))
                .when().post("/api/webhooks/github").then().log().ifValidationFails();
    }
}
