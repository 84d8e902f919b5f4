package dev.crossroads.api.rest;

import static dev.crossroads.testing.WebhookSignatures.sign;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class GitHubWebhookResourceTests {

    private static final String PUSH = """
            {"ref": "refs/heads/develop",
             "repository": {"full_name": "aws-powertools/powertools-lambda-python"},
             "commits": [{"added": [], "removed": [], "modified": ["docs/roadmap.md", "tests/test_x.py"]}]}
            """;

    @InjectWireMock
    WireMockServer github;

    @Inject
    Pool pool;

    @BeforeEach
    void fresh() {
        GitHubTrees.resetAll(github, pool);
    }

    @Test
    void aBadSignatureIs401AndStartsNothing() {
        deliver("push", PUSH, "sha256=" + "0".repeat(64)).statusCode(401)
                .body("message", containsString("X-Hub-Signature-256"));
        deliver("push", PUSH, null).statusCode(401);
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run")).isZero();
    }

    @Test
    void pingsAndUnrelatedEventsAreAcknowledgedAndIgnored() {
        deliver("ping", "{}", sign("{}")).statusCode(200).body("status", equalTo("pong"));
        deliver("issues", "{}", sign("{}")).statusCode(200).body("status", containsString("ignored"));
        String elsewhere = PUSH.replace("powertools-lambda-python", "some-other-repo");
        deliver("push", elsewhere, sign(elsewhere)).statusCode(200).body("status", containsString("not tracked"));
        String tests = PUSH.replace("\"docs/roadmap.md\", ", "");
        deliver("push", tests, sign(tests)).statusCode(200).body("status", containsString("no tracked file"));
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run")).isZero();
    }

    @Test
    void aPushTouchingTheRoadmapSyncsThatSourceOfThatLanguage() throws InterruptedException {
        deliver("push", PUSH, sign(PUSH)).statusCode(202)
                .body("language", equalTo("python"))
                .body("sources", contains("ROADMAP"));

        long deadline = System.currentTimeMillis() + 10_000;
        while (System.currentTimeMillis() < deadline
                && Database.count(pool, "SELECT count(*) FROM sync_run WHERE finished_at IS NOT NULL") == 0) {
            Thread.sleep(100);
        }
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run WHERE trigger = 'WEBHOOK'"
                + " AND requested_language = 'python' AND requested_source = 'ROADMAP' AND outcome = 'SUCCEEDED'"))
                .isEqualTo(1);
        assertThat(Database.count(pool, "SELECT count(*) FROM source_result")).isEqualTo(1);
    }

    private static ValidatableResponse deliver(String event, String body, String signature) {
        var request = given().header("X-GitHub-Event", event).contentType("application/json")
                .body(body.getBytes(StandardCharsets.UTF_8));
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.when().post("/api/webhooks/github").then().log().ifValidationFails();
    }
}
