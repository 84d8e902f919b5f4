package dev.crossroads.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Oversized bodies are refused by their declared length, with a JSON message, before anything buffers them. */
@QuarkusTest
class BodyLimitsTests {

    private static final byte[] THREE_MEGABYTES = "x".repeat(3 * 1024 * 1024).getBytes(StandardCharsets.UTF_8);

    @Test
    void aPreviewOverItsLimitIs413BeforeItIsRead() {
        given().contentType("text/markdown").body(THREE_MEGABYTES)
                .when().post("/api/parse/roadmap")
                .then().statusCode(413)
                .body("message", equalTo("the document is 3145728 bytes; the limit is 2097152 bytes"
                        + " (crossroads.parse.max-bytes)"));
    }

    @Test
    void aGraphQLRequestOverItsLimitIs413WithAMessage() {
        given().contentType("application/json").body(THREE_MEGABYTES)
                .when().post("/graphql")
                .then().statusCode(413)
                .body("message", startsWith("the body is 3145728 bytes; /graphql takes at most"));
    }

    @Test
    void aWebhookOverWhatGitHubSendsIs413BeforeItsSignatureIsChecked() {
        given().contentType("application/json").header("X-GitHub-Event", "push")
                .body("x".repeat(11 * 1024 * 1024).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/webhooks/github")
                .then().statusCode(413)
                .body("message", startsWith("the body is 11534336 bytes; /api/webhooks/github takes at most"));
    }

    @Test
    void aSmallPreviewStillPasses() {
        given().contentType("text/markdown; charset=utf-8").body("## Themes\n\n### One\n")
                .when().post("/api/parse/roadmap")
                .then().statusCode(200);
    }
}
