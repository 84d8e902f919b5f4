package dev.crossroads.api.graphql;

import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.crossroads.testing.GraphQLRequests;
import io.quarkus.test.junit.QuarkusTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RoadmapGraphQLTests {

    @Test
    void parseRoadmapReturnsTheSameFactsAsTheRestPreview() throws IOException {
        String page = Files.readString(Path.of("config/examples/gizmo/python/docs/roadmap.md"));

        GraphQLRequests.post("parseRoadmap", Map.of("markdown", page))
                .body("errors", nullValue())
                .body("data.parseRoadmap.items.title", contains("Log redaction", "OpenMetrics exporter",
                        "Async batch processing", "Idempotency stores", "Feature flags", "Queue events resolver"))
                .body("data.parseRoadmap.items[0].priority", equalTo("P1"))
                .body("data.parseRoadmap.items[0].progressDone", equalTo(2))
                .body("data.parseRoadmap.items[0].progressTotal", equalTo(4))
                .body("data.parseRoadmap.items[4].status", equalTo("SHIPPED"));
    }

    @Test
    void binaryTextIsAnInvalidDocumentError() {
        GraphQLRequests.post("parseRoadmap", Map.of("markdown", "## Themes\u0000"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body("errors[0].message", containsString("binary"));
    }

    @Test
    void oneParseRoadmapPerRequest() {
        // aliases used to multiply one request's CPU: the second preview of a request is refused (its field is
        // non-null, so the whole answer is)
        String twice = "{ a: parseRoadmap(markdown: \"## Themes\\n\\n### One\") { items { title } } "
                + "b: parseRoadmap(markdown: \"## Themes\\n\\n### Two\") { items { title } } }";
        io.restassured.RestAssured.given().contentType("application/json")
                .body(java.util.Map.of("query", twice))
                .when().post("/graphql")
                .then().statusCode(200)
                .body("data", nullValue())
                .body("errors", org.hamcrest.Matchers.hasSize(1))
                .body("errors[0].extensions.code", equalTo("INVALID_DOCUMENT"))
                .body("errors[0].path", contains("b"))
                .body("errors[0].message", equalTo("one parseRoadmap per request: send each page in a request of its own"));
    }
}
