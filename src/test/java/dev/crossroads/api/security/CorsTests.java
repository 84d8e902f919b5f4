package dev.crossroads.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * CORS through Quarkus's own filter, as docs/operations.md sets it up for a docs site: its origin may query the API
 * from a browser, other origins may not, and a cross-origin {@code text/plain} POST (the one kind a page may send
 * without asking first) is refused even from the allowed origin.
 */
@QuarkusTest
@TestProfile(CorsTests.DocsSite.class)
class CorsTests {

    private static final String DOCS_SITE = "https://docs.example.test";
    private static final String ELSEWHERE = "https://elsewhere.example.test";

    public static class DocsSite implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.cors.enabled", "true", "quarkus.http.cors.origins", DOCS_SITE);
        }
    }

    @Test
    void aPreflightFromTheConfiguredOriginIsAllowed() {
        given().header("Origin", DOCS_SITE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DOCS_SITE))
                .header("Access-Control-Allow-Methods", containsString("POST"))
                .header("Access-Control-Allow-Headers", containsString("content-type"));
    }

    @Test
    void aPreflightFromAnotherOriginIsRefused() {
        given().header("Origin", ELSEWHERE).header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "content-type")
                .when().options("/graphql").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void theConfiguredOriginQueriesTheApi() {
        given().header("Origin", DOCS_SITE).contentType("application/json")
                .body(Map.of("query", "{ languages { id } }")).when().post("/graphql").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DOCS_SITE)).body("errors", nullValue());
        given().header("Origin", DOCS_SITE).when().get("/api/queries/landing").then().statusCode(200)
                .header("Access-Control-Allow-Origin", equalTo(DOCS_SITE));
    }

    @Test
    void anotherOriginsRequestIsRefused() {
        given().header("Origin", ELSEWHERE).contentType("application/json")
                .body(Map.of("query", "{ languages { id } }")).when().post("/graphql").then().statusCode(403)
                .header("Access-Control-Allow-Origin", nullValue());
    }

    @Test
    void aCrossOriginTextPlainPostIsRefused() {
        // sent by a page without a preflight: refused as a media type from the allowed origin, by CORS from others
        String body = "{\"query\":\"mutation { triggerSync { id } }\"}";
        given().header("Origin", DOCS_SITE).contentType("text/plain").body(body).when().post("/graphql").then()
                .statusCode(415).body("errors[0].extensions.code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        given().header("Origin", ELSEWHERE).contentType("text/plain").body(body).when().post("/graphql").then()
                .statusCode(403);
    }
}
