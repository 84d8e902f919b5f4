package dev.crossroads.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
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
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The sync against a WireMock GitHub and the real (embedded) PostgreSQL: happy path, resync, and faults. */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SyncServiceTests {

    private static final String PY_ROADMAP = GitHubTrees.rawPath("aws-powertools/powertools-lambda-python", "develop",
            "docs/roadmap.md");

    private static final String GRAPHQL_NOT_FOUND = "{\"data\":null,\"errors\":[{\"type\":\"NOT_FOUND\","
            + "\"message\":\"Could not resolve to a ProjectV2\"}]}";
    private static final String PYTHON_DOCS_ITEMS = "SELECT count(*) FROM tracked_item WHERE language = 'python'"
            + " AND source = 'DOCS' AND removed_at IS NULL";
    private static final String TRUNCATED_JSON = "{\"data\": {\"organization\": ";

    @InjectWireMock
    WireMockServer github;

    @Inject
    SyncService sync;

    @Inject
    Pool pool;

    /** Whatever a test did to GitHub, the service must still be ready to serve. */
    @org.junit.jupiter.api.AfterEach
    void serviceStaysReady() {
        io.restassured.RestAssured.given().when().get("/q/health/ready").then().statusCode(200);
        assertThat(count("SELECT count(*) FROM sync_run WHERE outcome = 'RUNNING'")).as("runs left open").isZero();
    }

    @BeforeEach
    void freshGitHubAndDatabase() {
        GitHubTrees.resetAll(github, pool);
    }

    @Test
    void firstSyncStoresEveryLanguagesRoadmapDocsAndBoard() {
        SyncRun run = run();

        assertThat(run.outcome).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(results()).hasSize(12).allSatisfy(r -> assertThat(r.status).isEqualTo(SourceResult.Status.FETCHED));
        assertThat(count("SELECT count(*) FROM snapshot")).isEqualTo(12);
        assertThat(count("SELECT count(*) FROM tracked_item WHERE language = 'python' AND source = 'BOARD'"))
                .isEqualTo(5);
        // a card with no Status column is an idea; the board's own word (none) is kept beside it
        assertThat(count("SELECT count(*) FROM tracked_item WHERE source = 'BOARD' AND status_raw IS NULL"
                + " AND status = 'IDEA'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM snapshot_item WHERE snapshot_id IN (SELECT id FROM snapshot"
                + " WHERE language = 'python' AND source = 'ROADMAP')")).isEqualTo(6);
        assertThat(count("SELECT count(*) FROM tracked_item WHERE language = 'typescript' AND source = 'DOCS'"))
                .isEqualTo(8);
        assertThat(count("SELECT count(*) FROM change_event WHERE kind = 'ADDED'"))
                .isEqualTo(count("SELECT count(*) FROM tracked_item"));
    }

    @Test
    void resyncWithNothingChangedSendsConditionalRequestsAndWritesOnlyTheRunRecord() {
        run();
        long snapshots = count("SELECT count(*) FROM snapshot");
        long events = count("SELECT count(*) FROM change_event");
        long cached = count("SELECT count(*) FROM http_cache");
        github.resetRequests();

        SyncRun second = run();

        assertThat(second.outcome).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(resultsOf(second)).hasSize(12).allSatisfy(r -> assertThat(r.status).isEqualTo(
                r.source == SourceKind.BOARD ? SourceResult.Status.UNCHANGED : SourceResult.Status.NOT_MODIFIED));
        assertThat(count("SELECT count(*) FROM snapshot")).isEqualTo(snapshots);
        assertThat(count("SELECT count(*) FROM change_event")).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM http_cache")).isEqualTo(cached);
        assertThat(count("SELECT count(*) FROM http_cache WHERE updated_at >= (SELECT started_at FROM sync_run"
                + " WHERE id = " + second.id + ")")).isZero();
        github.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().startsWith("/raw/")).forEach(e -> {
            assertThat(e.getRequest().getHeader("If-None-Match")).as(e.getRequest().getUrl()).isNotBlank();
            assertThat(e.getResponse().getStatus()).isEqualTo(304);
        });
    }

    @Test
    void aChangedRoadmapRecordsWhatChanged() {
        run();
        String page = GitHubTrees.read(GitHubTrees.PYTHON.resolve("docs/roadmap.md"))
                .replace("* [ ] ", "* [x] ")
                .replace("### Async batch processing", "### Async batch processing in parallel");
        GitHubTrees.serveFile(github, "aws-powertools/powertools-lambda-python", "develop", "docs/roadmap.md", page);

        run();

        assertThat(count("SELECT count(*) FROM snapshot WHERE language = 'python' AND source = 'ROADMAP'"))
                .isEqualTo(2);
        // every entry ticked: done, waiting for a release, in the matrix's words
        assertThat(count("SELECT count(*) FROM change_event WHERE language = 'python' AND kind = 'STATUS_CHANGED'"
                + " AND new_value = 'COMING_SOON'")).isPositive();
        assertThat(count("SELECT count(*) FROM change_event WHERE kind = 'REMOVED'"
                + " AND item_key = 'key-areas/async-batch-processing'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM change_event WHERE kind = 'ADDED' AND snapshot_id = (SELECT max(id)"
                + " FROM snapshot) AND item_key = 'key-areas/async-batch-processing-in-parallel'")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tracked_item WHERE item_key = 'key-areas/async-batch-processing'"
                + " AND removed_at IS NOT NULL")).isEqualTo(1);
    }

    /**
     * Stored text travels to PostgreSQL as UTF-8 bytes: what is stored, in the snapshot and in the cache, is the text
     * as read, character for character (accents, a dash, characters outside the BMP, a replacement character), and
     * its stored hash is the hash of that text.
     */
    @Test
    void storedTextIsTheTextAsReadCharacterForCharacter() {
        run();
        String page = GitHubTrees.read(GitHubTrees.PYTHON.resolve("docs/roadmap.md"))
                + "\n## Ünïcödé — 日本語 🚀 ✅ \uFFFD\n\n* [ ] Crème brûlée support 🍮\n";
        GitHubTrees.serveFile(github, "aws-powertools/powertools-lambda-python", "develop", "docs/roadmap.md", page);

        run();

        String latest = " FROM snapshot WHERE language = 'python' AND source = 'ROADMAP' ORDER BY id DESC LIMIT 1";
        assertThat(Database.text(pool, "SELECT content" + latest)).isEqualTo(page);
        assertThat(Database.text(pool, "SELECT content_hash" + latest)).isEqualTo(Hashing.sha256(page));
        String cached = " FROM http_cache WHERE url LIKE '%/powertools-lambda-python/develop/docs/roadmap.md'";
        assertThat(Database.count(pool, "SELECT count(*)" + cached)).isOne();
        assertThat(Database.text(pool, "SELECT content" + cached)).isEqualTo(page);
        assertThat(Database.text(pool, "SELECT content_hash" + cached)).isEqualTo(Hashing.sha256(page));
    }

    @Test
    void malformedUtf8IsStoredAsTheTextItDecodesTo() {
        run();
        // a stray continuation byte, a truncated sequence and an overlong '/': each decodes to U+FFFD, and what is
        // stored must be the text read (valid UTF-8, which PostgreSQL accepts), not the bytes received
        byte[] malformed = {'\n', '*', ' ', '[', ' ', ']', ' ', 'B', (byte) 0x80, 'd', (byte) 0xE2, (byte) 0x82, 'x',
                (byte) 0xC0, (byte) 0xAF, '\n'};
        byte[] page = concat(GitHubTrees.read(GitHubTrees.PYTHON.resolve("docs/roadmap.md"))
                .getBytes(StandardCharsets.UTF_8), malformed);
        String text = new String(page, StandardCharsets.UTF_8);
        assertThat(text).contains("\uFFFD");
        github.stubFor(get(urlEqualTo(PY_ROADMAP)).atPriority(0).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"malformed\"").withBody(page)));

        run();

        assertThat(result("python", SourceKind.ROADMAP).status).isEqualTo(SourceResult.Status.FETCHED);
        String latest = " FROM snapshot WHERE language = 'python' AND source = 'ROADMAP' ORDER BY id DESC LIMIT 1";
        assertThat(Database.text(pool, "SELECT content" + latest)).isEqualTo(text);
        String cached = " FROM http_cache WHERE url LIKE '%/powertools-lambda-python/develop/docs/roadmap.md'";
        assertThat(Database.text(pool, "SELECT content" + cached)).isEqualTo(text);
        assertThat(Database.text(pool, "SELECT content_hash" + cached)).isEqualTo(Hashing.sha256(text));
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = java.util.Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    @Test
    void aServerErrorThenSuccessIsRetried() {
        github.stubFor(get(urlEqualTo(PY_ROADMAP)).atPriority(1).inScenario("flaky")
                .whenScenarioStateIs(Scenario.STARTED).willReturn(aResponse().withStatus(500))
                .willSetStateTo("recovered"));

        run();

        assertThat(result("python", SourceKind.ROADMAP).status).isEqualTo(SourceResult.Status.FETCHED);
        github.verify(2, getRequestedFor(urlEqualTo(PY_ROADMAP)));
    }

    @Test
    void aSourceThatKeepsFailingGivesUpAndKeepsItsLastGoodSnapshot() {
        run();
        github.stubFor(get(urlEqualTo(PY_ROADMAP)).atPriority(0).willReturn(aResponse().withStatus(502)));
        github.resetRequests();

        SyncRun second = run();

        assertThat(second.outcome).isEqualTo(SyncRun.Outcome.PARTIAL);
        SourceResult failed = result("python", SourceKind.ROADMAP);
        assertThat(failed.status).isEqualTo(SourceResult.Status.FAILED);
        assertThat(failed.httpStatus).isEqualTo(502);
        assertThat(failed.message).contains("HTTP 502");
        github.verify(3, getRequestedFor(urlEqualTo(PY_ROADMAP)));
        assertThat(count("SELECT count(*) FROM snapshot WHERE language = 'python' AND source = 'ROADMAP'"))
                .isEqualTo(1);
        assertThat(count("SELECT count(*) FROM tracked_item WHERE language = 'python' AND source = 'ROADMAP'"
                + " AND removed_at IS NULL")).isEqualTo(6);
    }

    @Test
    void aMissingPageFailsThatSourceOnly() {
        github.stubFor(get(urlEqualTo(PY_ROADMAP)).atPriority(0).willReturn(aResponse().withStatus(404)));

        SyncRun run = run();

        assertThat(run.outcome).isEqualTo(SyncRun.Outcome.PARTIAL);
        SourceResult missing = result("python", SourceKind.ROADMAP);
        assertThat(missing.status).isEqualTo(SourceResult.Status.FAILED);
        assertThat(missing.message).contains("docs/roadmap.md not found");
        assertThat(result("python", SourceKind.DOCS).status).isEqualTo(SourceResult.Status.FETCHED);
    }

    @Test
    void rateLimitedWithRetryAfterWaitsAndSucceeds() {
        github.stubFor(get(urlEqualTo(PY_ROADMAP)).atPriority(1).inScenario("limited")
                .whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1"))
                .willSetStateTo("free"));

        long started = System.nanoTime();
        run();

        assertThat(result("python", SourceKind.ROADMAP).status).isEqualTo(SourceResult.Status.FETCHED);
        assertThat((System.nanoTime() - started) / 1_000_000).isGreaterThanOrEqualTo(1000);
    }

    @Test
    void aSecondaryRateLimitAskingForTooLongFailsWithoutHammering() {
        github.stubFor(get(urlEqualTo(PY_ROADMAP)).atPriority(0).willReturn(aResponse().withStatus(403)
                .withHeader("Retry-After", "3600")));

        run();

        SourceResult limited = result("python", SourceKind.ROADMAP);
        assertThat(limited.status).isEqualTo(SourceResult.Status.FAILED);
        assertThat(limited.message).contains("rate limited").contains("not retrying now");
        github.verify(1, getRequestedFor(urlEqualTo(PY_ROADMAP)));
    }

    @Test
    void aBoardOfThreePagesIsReadPageByPageWithTheTokenSentToTheApiOnly() {
        GitHubBoards.serve(github, 3, "powertools-lambda-python", 250, 3);

        run();

        SourceResult board = result("python", SourceKind.BOARD);
        assertThat(board.status).isEqualTo(SourceResult.Status.FETCHED);
        assertThat(board.message).startsWith("250 cards from 3 pages");
        assertThat(board.rateLimitRemaining).isEqualTo(4000);
        assertThat(count("SELECT count(*) FROM tracked_item WHERE language = 'python' AND source = 'BOARD'"))
                .isEqualTo(250);
        // stored as the bytes it was hashed from: the text read back hashes to the hash stored beside it
        String stored = " FROM snapshot WHERE language = 'python' AND source = 'BOARD'";
        String content = Database.text(pool, "SELECT content" + stored);
        assertThat(content.lines().count()).isEqualTo(250);
        assertThat(Database.text(pool, "SELECT content_hash" + stored)).isEqualTo(Hashing.sha256(content));
        github.getAllServeEvents().forEach(e -> assertThat(e.getRequest().containsHeader("Authorization"))
                .as(e.getRequest().getUrl()).isEqualTo(e.getRequest().getUrl().startsWith("/api/")));
    }

    @Test
    void aRepeatingCursorStopsTheBoardInsteadOfLooping() {
        answerBoard(3, aResponse().withStatus(200).withBody(GitHubBoards.page(3, "powertools-lambda-python", 0, 2, true,
                "same-cursor", 4000)));

        run();

        SourceResult board = result("python", SourceKind.BOARD);
        assertThat(board.status).isEqualTo(SourceResult.Status.FAILED);
        assertThat(board.message).contains("cursor repeated");
        assertThat(count("SELECT count(*) FROM snapshot WHERE source = 'BOARD' AND language = 'python'")).isZero();
    }

    @Test
    void graphqlErrorsWithStatus200AndMalformedJsonFailTheBoard() {
        answerBoard(3, aResponse().withStatus(200).withBody(GRAPHQL_NOT_FOUND));
        answerBoard(7, aResponse().withStatus(200).withBody(TRUNCATED_JSON));

        SyncRun run = run();

        assertThat(run.outcome).isEqualTo(SyncRun.Outcome.PARTIAL);
        assertThat(result("python", SourceKind.BOARD).message)
                .isEqualTo("GitHub GraphQL error NOT_FOUND: Could not resolve to a ProjectV2");
        assertThat(result("typescript", SourceKind.BOARD).message).startsWith("malformed JSON from the GitHub API");
        assertThat(result("java", SourceKind.BOARD).status).isEqualTo(SourceResult.Status.FETCHED);
    }

    @Test
    void aDatabaseFailureWhileStoringLeavesNoPartialSnapshotAndTheNextRunRecovers() {
        run();
        String good = GitHubTrees.read(GitHubTrees.PYTHON.resolve("docs/roadmap.md"));
        // an item whose key the database refuses (longer than the column): the insert fails mid-transaction
        String refused = good.replace("### Idempotency stores", "### Idempotency stores " + "x".repeat(600));
        GitHubTrees.serveFile(github, "aws-powertools/powertools-lambda-python", "develop", "docs/roadmap.md", refused);
        long snapshots = count("SELECT count(*) FROM snapshot");
        long items = count("SELECT count(*) FROM snapshot_item");
        long events = count("SELECT count(*) FROM change_event");

        SyncRun broken = run();

        assertThat(broken.outcome).isEqualTo(SyncRun.Outcome.PARTIAL);
        assertThat(count("SELECT count(*) FROM snapshot")).isEqualTo(snapshots);
        assertThat(count("SELECT count(*) FROM snapshot_item")).isEqualTo(items);
        assertThat(count("SELECT count(*) FROM change_event")).isEqualTo(events);
        assertThat(count("SELECT count(*) FROM source_result WHERE run_id = " + broken.id
                + " AND language = 'python' AND source = 'ROADMAP' AND status = 'FAILED' AND snapshot_id IS NULL"
                + " AND message LIKE 'read, but could not be stored:%'")).as("only the failure was recorded").isEqualTo(1);
        assertThat(count("SELECT count(*) FROM http_cache WHERE url LIKE '%python/develop/docs/roadmap.md'"
                + " AND content LIKE '%xxxxxxxxxx%'")).as("its validators were not advanced").isZero();

        GitHubTrees.serveFile(github, "aws-powertools/powertools-lambda-python", "develop", "docs/roadmap.md",
                good.replace("### Idempotency stores", "### Idempotency stores v2"));
        SyncRun recovered = run();

        assertThat(recovered.outcome).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(result("python", SourceKind.ROADMAP).status).isEqualTo(SourceResult.Status.FETCHED);
        assertThat(count("SELECT count(*) FROM snapshot WHERE language = 'python' AND source = 'ROADMAP'")).isEqualTo(2);
    }

    /**
     * Every way fetching a file can fail, after a good sync: the source fails with a message saying what happened,
     * its last good snapshot, items, history and validators stay as they were, and (after each) the service is ready.
     */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "404                          | docs/roadmap.md not found",
        "500 every time               | HTTP 500",
        "502 every time               | HTTP 502",
        "403 asking to wait an hour   | rate limited",
        "no answer in time            | timed out",
        "connection reset             | connection to localhost:",
        "truncated body               | connection to localhost:",
        "garbage then close           | connection to localhost:",
        "body over the size limit     | larger than 5242880 bytes"})
    void everyFileFaultKeepsTheLastGoodDataAndSaysWhatHappened(String fault, String message) {
        run();
        String before = pythonRoadmapState();
        github.stubFor(get(urlEqualTo(PY_ROADMAP)).atPriority(0).willReturn(switch (fault) {
            case "404" -> aResponse().withStatus(404);
            case "500 every time" -> aResponse().withStatus(500);
            case "502 every time" -> aResponse().withStatus(502);
            case "403 asking to wait an hour" -> aResponse().withStatus(403).withHeader("Retry-After", "3600");
            case "no answer in time" -> aResponse().withFixedDelay(2500).withBody("late");
            case "connection reset" -> aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER);
            case "truncated body" -> aResponse().withFault(Fault.MALFORMED_RESPONSE_CHUNK);
            case "garbage then close" -> aResponse().withFault(Fault.RANDOM_DATA_THEN_CLOSE);
            case "body over the size limit" -> aResponse().withBody("#".repeat(6 * 1024 * 1024));
            default -> throw new IllegalArgumentException(fault);
        }));

        SyncRun run = run();

        assertThat(run.outcome).isEqualTo(SyncRun.Outcome.PARTIAL);
        SourceResult failed = result("python", SourceKind.ROADMAP);
        assertThat(failed.runId).isEqualTo(run.id);
        assertThat(failed.status).isEqualTo(SourceResult.Status.FAILED);
        assertThat(failed.message).isNotBlank().contains(message);
        assertThat(failed.snapshotId).isNull();
        assertThat(pythonRoadmapState()).as("earlier data of the failed source").isEqualTo(before);
        assertThat(result("python", SourceKind.DOCS).status).as("the other sources").isNotEqualTo(
                SourceResult.Status.FAILED);
    }

    /** The same for a board: its last good snapshot and card history stay as they were. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "GraphQL errors with 200 | GitHub GraphQL error NOT_FOUND",
        "malformed JSON          | malformed JSON from the GitHub API",
        "502 every time          | HTTP 502"})
    void everyBoardFaultKeepsTheLastGoodBoardAndSaysWhatHappened(String fault, String message) {
        run();
        String before = state("python", SourceKind.BOARD);
        answerBoard(3, switch (fault) {
            case "GraphQL errors with 200" -> aResponse().withStatus(200).withBody(GRAPHQL_NOT_FOUND);
            case "malformed JSON" -> aResponse().withStatus(200).withBody(TRUNCATED_JSON);
            case "502 every time" -> aResponse().withStatus(502);
            default -> throw new IllegalArgumentException(fault);
        });

        SyncRun run = run();

        assertThat(run.outcome).isEqualTo(SyncRun.Outcome.PARTIAL);
        SourceResult failed = result("python", SourceKind.BOARD);
        assertThat(failed.status).isEqualTo(SourceResult.Status.FAILED);
        assertThat(failed.message).contains(message);
        assertThat(state("python", SourceKind.BOARD)).as("earlier data of the failed board").isEqualTo(before);
    }

    private String pythonRoadmapState() {
        return state("python", SourceKind.ROADMAP) + " cache " + Database.count(pool,
                "SELECT count(*) FROM http_cache WHERE url LIKE '%/develop/docs/roadmap.md'") + "/" + Database.text(pool,
                "SELECT coalesce(max(content_hash), '') FROM http_cache WHERE url LIKE '%/develop/docs/roadmap.md'");
    }

    /** Snapshots, present items and change events of one source, and the latest snapshot's hash. */
    private String state(String language, SourceKind source) {
        String where = " WHERE language = '" + language + "' AND source = '" + source + "'";
        return "snapshots " + count("SELECT count(*) FROM snapshot" + where)
                + " items " + count("SELECT count(*) FROM tracked_item" + where + " AND removed_at IS NULL")
                + " events " + count("SELECT count(*) FROM change_event" + where)
                + " latest " + Database.text(pool, "SELECT coalesce(max(content_hash), '') FROM snapshot" + where);
    }

    /**
     * The docs pages a nav listed are asked for beside the next nav: a nav that drops a page, then lists it again,
     * is read right both times (the page it no longer lists is not stored; the one it lists again is fetched).
     */
    @Test
    void aNavThatDropsAPageAndListsItAgainIsReadRightEachTime() {
        run();
        long features = count(PYTHON_DOCS_ITEMS);
        String idempotency = PYTHON_DOCS_ITEMS + " AND (item_key LIKE '%idempotency%' OR url LIKE '%idempotency%')";
        assertThat(count(idempotency)).isOne();
        String nav = GitHubTrees.read(GitHubTrees.PYTHON.resolve("mkdocs.yml"));
        assertThat(nav).contains("          - utilities/idempotency.md\n");

        GitHubTrees.serveFile(github, "aws-powertools/powertools-lambda-python", "develop", "mkdocs.yml",
                nav.replace("          - utilities/idempotency.md\n", ""));
        run();
        assertThat(count(PYTHON_DOCS_ITEMS)).isEqualTo(features - 1);
        assertThat(count(idempotency)).isZero();

        GitHubTrees.serveFile(github, "aws-powertools/powertools-lambda-python", "develop", "mkdocs.yml", nav);
        github.resetRequests();
        run();
        assertThat(count(PYTHON_DOCS_ITEMS)).isEqualTo(features);
        assertThat(count(idempotency)).isOne();
        assertThat(github.findAll(getRequestedFor(urlEqualTo(GitHubTrees.rawPath(
                "aws-powertools/powertools-lambda-python", "develop", "docs/utilities/idempotency.md"))))).hasSize(1);
    }

    /**
     * A nav that changes while its pages answer 304: the source is parsed again with the pages' cached copies (read
     * only now, not at the run's start), so the new snapshot holds every page's text and the features keep the titles
     * their pages give them.
     */
    @Test
    void aChangedNavIsReadWithItsUnchangedPagesFromTheirCachedCopies() {
        String repository = "aws-powertools/powertools-lambda-python";
        String latestDocs = "SELECT content FROM snapshot WHERE language = 'python' AND source = 'DOCS'"
                + " ORDER BY id DESC LIMIT 1";
        String titles = "SELECT string_agg(item_key || '=' || title, ', ' ORDER BY item_key) FROM tracked_item"
                + " WHERE language = 'python' AND source = 'DOCS' AND removed_at IS NULL";
        run();
        String bundleBefore = Database.text(pool, latestDocs);
        String titlesBefore = Database.text(pool, titles);
        assertThat(titlesBefore).contains("=Idempotency"); // from the page's front matter, not the nav
        String nav = GitHubTrees.read(GitHubTrees.PYTHON.resolve("mkdocs.yml"));
        String page = GitHubTrees.read(GitHubTrees.PYTHON.resolve("docs/utilities/idempotency.md"));

        GitHubTrees.serveFile(github, repository, "develop", "mkdocs.yml", nav + "# the nav changed, no page did\n");
        github.resetRequests();
        run();

        assertThat(github.findAll(getRequestedFor(urlEqualTo(GitHubTrees.rawPath(repository, "develop",
                "docs/utilities/idempotency.md"))).withHeader("If-None-Match", matching(".+")))).hasSize(1);
        assertThat(Database.text(pool, latestDocs)).isNotEqualTo(bundleBefore)
                .contains("==> docs/utilities/idempotency.md\n" + page + "\n");
        assertThat(Database.text(pool, titles)).isEqualTo(titlesBefore);
    }

    @Test
    void onlyOneSyncRunsAtATimeAcrossReplicas() {
        Database.execute(pool, "UPDATE sync_lease SET holder = 'other-replica', expires_at = now() + interval '5 minutes'");

        assertThatThrownBy(this::run).isInstanceOf(SyncBusyException.class).hasMessageContaining("other-replica");
        assertThat(count("SELECT count(*) FROM sync_run")).isZero();

        Database.execute(pool, "UPDATE sync_lease SET expires_at = now() - interval '1 second'");
        assertThat(run().outcome).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        assertThat(count("SELECT count(*) FROM sync_lease WHERE holder IS NULL")).isEqualTo(1);
    }

    @Test
    void oneLanguageAndSourceCanBeSyncedAlone() {
        SyncRun run = await(new SyncRequest(SyncRun.Trigger.MANUAL, Optional.of("java"), Optional.of(SourceKind.DOCS)));

        assertThat(resultsOf(run)).extracting(r -> r.language + "/" + r.source).containsExactly("java/DOCS");
    }

    /** Board {@code number}'s GraphQL requests get {@code answer} instead of the generated pages. */
    private void answerBoard(int number, ResponseDefinitionBuilder answer) {
        github.stubFor(post(urlEqualTo(GitHubBoards.GRAPHQL)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.number", equalTo(String.valueOf(number))))
                .willReturn(answer));
    }

    private SyncRun run() {
        return await(SyncRequest.everything(SyncRun.Trigger.MANUAL));
    }

    private SyncRun await(SyncRequest request) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> sync.run(request));
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private List<SourceResult> results() {
        return awaitList(() -> SourceResult.<SourceResult>listAll());
    }

    private List<SourceResult> resultsOf(SyncRun run) {
        return awaitList(() -> SourceResult.<SourceResult>list("runId", run.id));
    }

    private SourceResult result(String language, SourceKind source) {
        return awaitList(() -> SourceResult.<SourceResult>list("language = ?1 and source = ?2 order by id desc",
                language, source)).get(0);
    }

    private <T> List<T> awaitList(java.util.function.Supplier<io.smallrye.mutiny.Uni<List<T>>> query) {
        try {
            return VertxContextSupport.subscribeAndAwait(
                    () -> io.quarkus.hibernate.reactive.panache.Panache.withSession(query::get));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    private long count(String sql) {
        return Database.count(pool, sql);
    }
}
