package dev.crossroads.api.rest;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.config.EncoderConfig;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ParseResourceTests {

    private static final Path GO = Path.of("config/examples/gizmo/go");

    @BeforeAll
    static void logFailures() {
        RestAssured.enableLoggingOfRequestAndResponseIfValidationFails();
        // REST Assured adds "charset=ISO-8859-1" to text types unless told not to; these tests set it themselves.
        RestAssured.config = RestAssured.config().encoderConfig(EncoderConfig.encoderConfig()
                .appendDefaultContentCharsetToContentTypeIfUndefined(false));
    }

    @Test
    void roadmapPreviewReturnsTheParsedPage() throws IOException {
        given().contentType("text/markdown; charset=utf-8").body(Files.readString(GO.resolve("docs/roadmap.md")))
                .when().post("/api/parse/roadmap")
                .then().statusCode(200)
                .body("title", equalTo("Roadmap"))
                .body("items", hasSize(6))
                .body("items[0].id", equalTo("key-areas/core-utilities/logging"))
                .body("items[0].priority", equalTo("P0"))
                .body("items[0].progress.done", equalTo(2))
                .body("items[5].status", equalTo("DROPPED"))
                .body("statusVocabulary", contains("Ideas", "Backlog", "Working on it", "Coming soon", "Shipped"));
    }

    @Test
    void documentOverTheLimitIs413WithAMessage() {
        byte[] big = "# x\n".repeat(600_000).getBytes(StandardCharsets.UTF_8);
        given().contentType("text/markdown").body(big)
                .when().post("/api/parse/roadmap")
                .then().statusCode(413)
                .body("message", containsString("the limit is 2097152 bytes (crossroads.parse.max-bytes)"));
    }

    @Test
    void aLineOfAHundredThousandListMarkersIsReadNotStalled() {
        // 200 kB that took 18 s of CPU before nesting was flattened ahead of commonmark
        String page = "## Key areas\n\n### Deep\n\n" + "- ".repeat(100_000) + "x\n";
        given().contentType("text/markdown").body(page)
                .when().post("/api/parse/roadmap")
                .then().statusCode(200)
                .body("items.title", org.hamcrest.Matchers.contains("Deep"))
                .body("warnings.message", org.hamcrest.Matchers.hasItem(
                        "line opens 100000 nested lists or quotes at once; read as 32"));
    }

    @Test
    void invalidUtf8Is400WithAMessage() {
        given().contentType("text/markdown").body(new byte[] {'#', ' ', (byte) 0xC3, (byte) 0x28, '\n'})
                .when().post("/api/parse/roadmap")
                .then().statusCode(400).body("message", equalTo("the roadmap is not valid UTF-8 text"));
    }

    @Test
    void binaryIs400AndOtherMediaTypesAre415() {
        given().contentType("text/markdown").body(new byte[] {'#', 0, 1, 2})
                .when().post("/api/parse/roadmap")
                .then().statusCode(400).body("message", containsString("binary"));
        given().contentType("image/png").body(new byte[] {(byte) 0x89, 'P', 'N', 'G'})
                .when().post("/api/parse/roadmap")
                .then().statusCode(415).body("message", containsString("text/markdown"));
        given().contentType("text/markdown; charset=ISO-8859-1").body("# Caf\u00e9".getBytes(StandardCharsets.ISO_8859_1))
                .when().post("/api/parse/roadmap")
                .then().statusCode(415).body("message", containsString("only UTF-8"));
    }

    @Test
    void emptyBodyIs400() {
        given().contentType("text/markdown").body(new byte[0])
                .when().post("/api/parse/roadmap")
                .then().statusCode(400).body("message", equalTo("the roadmap is empty"));
    }

    @Test
    void docsPreviewAsJsonUsesTheGivenPages() throws IOException {
        Map<String, Object> request = Map.of(
                "mkdocs", Files.readString(GO.resolve("mkdocs.yml")),
                "index", Files.readString(GO.resolve("docs/index.md")),
                "pages", Map.of("core/logging.md", Files.readString(GO.resolve("docs/core/logging.md")),
                        "utilities/retry.md", Files.readString(GO.resolve("docs/utilities/retry.md"))));

        given().contentType(ContentType.JSON).body(request)
                .when().post("/api/parse/docs")
                .then().statusCode(200)
                .body("features[0].name", equalTo("Logging"))
                .body("features[0].titleSource", equalTo("FRONT_MATTER"))
                .body("features.navGroup", hasItem("Event Handler"))
                .body("features.find { it.pagePath == 'utilities/retry.md' }.markers", contains("DEPRECATED"))
                .body("disagreements[0].tableName", equalTo("Retries"));
    }

    @Test
    void docsPreviewAcceptsMultipartFiles() {
        given().multiPart("mkdocs", GO.resolve("mkdocs.yml").toFile())
                .multiPart("index", GO.resolve("docs/index.md").toFile())
                .when().post("/api/parse/docs")
                .then().statusCode(200)
                .body("features", hasSize(8))
                .body("tableRows[5].name", equalTo("Retries"));
    }

    @Test
    void brokenMkdocsIs400WithTheLine() {
        given().contentType(ContentType.JSON).body(Map.of("mkdocs", "nav:\n  - [broken", "index", ""))
                .when().post("/api/parse/docs")
                .then().statusCode(400).body("message", containsString("mkdocs.yml is not valid YAML at line"));
        given().contentType(ContentType.JSON).body(Map.of("index", "# Home"))
                .when().post("/api/parse/docs")
                .then().statusCode(400).body("message", equalTo("mkdocs.yml is required"));
    }
}
