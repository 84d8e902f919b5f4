package dev.crossroads.sync;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubBoards;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.GraphQLRequests;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The GitHub token never leaves the API host: a redirect to another origin is not followed with it, and token-shaped
 * text in upstream errors is redacted before it is stored, served or logged.
 */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class TokenLeakTests {

    /** Shaped like a classic personal access token: {@code ghp_} and 36 characters. */
    private static final String PY_ROADMAP = GitHubTrees.rawPath("aws-powertools/powertools-lambda-python", "develop",
            "docs/roadmap.md");

    private static final String PAT = "ghp_" + "A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";

    /** Another origin: the same machine on another port. */
    private static WireMockServer elsewhere;

    @InjectWireMock
    WireMockServer github;

    @Inject
    SyncService sync;

    @Inject
    Pool pool;

    private final List<String> logged = new CopyOnWriteArrayList<>();
    private final Handler capture = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(text(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeAll
    static void startAnotherHost() {
        elsewhere = new WireMockServer(wireMockConfig().dynamicPort());
        elsewhere.start();
    }

    @AfterAll
    static void stopAnotherHost() {
        elsewhere.stop();
    }

    @BeforeEach
    void freshGitHubAndDatabase() {
        GitHubTrees.resetAll(github, pool);
        elsewhere.resetAll();
        // were the token followed there, the board would even be read: only the client's refusal fails it
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withHeader("Content-Type",
                "application/json").withBody(GitHubBoards.page(3, "powertools-lambda-python", 0, 2, false, null, 4000))));
        Logger.getLogger("").addHandler(capture);
    }

    @AfterEach
    void stopCapturing() {
        Logger.getLogger("").removeHandler(capture);
    }

    @ParameterizedTest(name = "HTTP {0}")
    @ValueSource(ints = {301, 302, 303, 307, 308})
    void aRedirectToAnotherHostIsNotFollowedWithTheToken(int status) {
        String target = elsewhere.baseUrl() + "/graphql";
        answerBoard(3, aResponse().withStatus(status).withHeader("Location", target));

        SyncRun run = run();

        assertThat(elsewhere.getAllServeEvents()).as("requests carrying the token to the other host")
                .noneSatisfy(e -> assertThat(e.getRequest().containsHeader("Authorization")).isTrue());
        assertThat(elsewhere.getAllServeEvents()).as("requests that reached the other host").isEmpty();
        SourceResult board = result("python", SourceKind.BOARD);
        assertThat(board.status).isEqualTo(SourceResult.Status.FAILED);
        assertThat(board.message).contains("redirect to another host")
                .contains("localhost:" + elsewhere.port()).contains("not followed with credentials");
        assertThat(run.outcome).isEqualTo(SyncRun.Outcome.PARTIAL);
        assertThat(result("python", SourceKind.ROADMAP).status).as("the other sources").isEqualTo(
                SourceResult.Status.FETCHED);
        assertThat(result("java", SourceKind.BOARD).status).isEqualTo(SourceResult.Status.FETCHED);
    }

    @Test
    void aRedirectOnTheApiHostIsFollowedWithTheToken() {
        answerBoard(3, aResponse().withStatus(307).withHeader("Location", "/api/graphql-moved"));
        github.stubFor(post(urlEqualTo("/api/graphql-moved"))
                .withHeader("Authorization", equalTo("Bearer " + GitHubWireMockResource.GITHUB_TOKEN))
                .withRequestBody(matchingJsonPath("$.variables.number", equalTo("3")))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(GitHubBoards.page(3, "powertools-lambda-python", 0, 2, false, null, 4000))));

        run();

        assertThat(result("python", SourceKind.BOARD).status).isEqualTo(SourceResult.Status.FETCHED);
        github.verify(1, postRequestedFor(urlEqualTo("/api/graphql-moved")));
    }

    /** The raw file host gets no token, so its redirects may lead anywhere: they still carry none. */
    @Test
    void aFileRedirectToAnotherHostIsFollowedWithoutCredentials() {
        String roadmap = GitHubTrees.read(GitHubTrees.PYTHON.resolve("docs/roadmap.md"));
        github.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo(PY_ROADMAP)).atPriority(0)
                .willReturn(aResponse().withStatus(302).withHeader("Location", elsewhere.baseUrl() + "/roadmap.md")));
        elsewhere.stubFor(com.github.tomakehurst.wiremock.client.WireMock.get(urlEqualTo("/roadmap.md")).atPriority(1)
                .willReturn(aResponse().withStatus(200).withBody(roadmap)));

        run();

        assertThat(result("python", SourceKind.ROADMAP).status).isEqualTo(SourceResult.Status.FETCHED);
        assertThat(elsewhere.getAllServeEvents()).hasSize(1).allSatisfy(e -> assertThat(
                e.getRequest().containsHeader("Authorization")).isFalse());
    }

    @Test
    void tokenShapedTextFromTheApiIsRedactedInResultsAnswersAndLogs() {
        String upstream = "Bad credentials: Authorization: Bearer " + GitHubWireMockResource.GITHUB_TOKEN
                + " (also tried " + PAT + ")";
        answerBoard(3, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":null,\"errors\":[{\"type\":\"FORBIDDEN\",\"message\":\"" + upstream + "\"}]}"));

        run();

        SourceResult board = result("python", SourceKind.BOARD);
        assertThat(board.status).isEqualTo(SourceResult.Status.FAILED);
        assertThat(board.message).startsWith("GitHub GraphQL error FORBIDDEN: Bad credentials").contains("[redacted]")
                .doesNotContain(PAT).doesNotContain(GitHubWireMockResource.GITHUB_TOKEN);
        assertThat(Database.count(pool, "SELECT count(*) FROM source_result WHERE message LIKE '%ghp_%'"
                + " OR message LIKE '%" + GitHubWireMockResource.GITHUB_TOKEN + "%'")).isZero();
        List<Map<String, Object>> sources = GraphQLRequests.post("sources").extract().jsonPath()
                .getList("data.sources");
        String served = sources.stream().filter(s -> "python".equals(s.get("language")) && "BOARD".equals(s.get("kind")))
                .map(s -> String.valueOf(((Map<?, ?>) s.get("latest")).get("message"))).findFirst().orElseThrow();
        assertThat(served).contains("[redacted]").doesNotContain(PAT)
                .doesNotContain(GitHubWireMockResource.GITHUB_TOKEN);
        assertThat(logged).as("what was logged").anySatisfy(line -> assertThat(line).contains("Bad credentials"))
                .allSatisfy(line -> assertThat(line).doesNotContain(PAT)
                        .doesNotContain(GitHubWireMockResource.GITHUB_TOKEN));
    }

    /** The formatted message of a record and the messages of its causes, as they would reach the log. */
    private static String text(LogRecord record) {
        StringBuilder text = new StringBuilder(record instanceof org.jboss.logmanager.ExtLogRecord ext
                ? ext.getFormattedMessage() : String.valueOf(record.getMessage()));
        for (Throwable cause = record.getThrown(); cause != null; cause = cause.getCause()) {
            text.append(" | ").append(cause);
        }
        return text.toString();
    }

    /** Board {@code number}'s GraphQL requests get {@code answer} instead of the generated pages. */
    private void answerBoard(int number, ResponseDefinitionBuilder answer) {
        github.stubFor(post(urlEqualTo(GitHubBoards.GRAPHQL)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.number", equalTo(String.valueOf(number))))
                .willReturn(answer));
    }

    private SyncRun run() {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> sync.run(SyncRequest.everything(SyncRun.Trigger.MANUAL)));
        } catch (Throwable e) {
            if (e instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e);
        }
    }

    private SourceResult result(String language, SourceKind source) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> io.quarkus.hibernate.reactive.panache.Panache
                    .withSession(() -> SourceResult.<SourceResult>list("language = ?1 and source = ?2 order by id desc",
                            language, source))).get(0);
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
