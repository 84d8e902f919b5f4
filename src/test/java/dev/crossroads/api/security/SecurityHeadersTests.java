package dev.crossroads.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every response carries the security headers: pages, static files (a test-only one stands in for the landing page's
 * assets under {@code META-INF/resources}), JSON, errors; the GraphQL UI gets its own, looser style policy.
 */
@QuarkusTest
class SecurityHeadersTests {

    private static final String POLICY = "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' "
            + "data:; connect-src 'self'; font-src 'self'; manifest-src 'self'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final String UI_POLICY = "default-src 'none'; script-src 'self'; style-src 'self' "
            + "'unsafe-inline'; img-src 'self' data:; connect-src 'self'; font-src 'self' data:; base-uri 'none'; "
            + "form-action 'self'; frame-ancestors 'none'";

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/", "/headers-check.css", "/graphql/schema.graphql", "/api/queries/landing",
        "/api/queries/nope", "/q/health/ready", "/q/metrics", "/no/such/page"})
    void everyAnswerCarriesTheLandingPolicy(String path) {
        withHeaders(given().when().get(path).then(), POLICY);
    }

    @Test
    void aStaticFileIsServedWithThem() {
        withHeaders(given().when().get("/headers-check.css").then().statusCode(200), POLICY);
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/q/graphql-ui/", "/q/graphql-ui/render.js", "/q/graphql-ui/graphiql.min.css"})
    void theGraphQLUIGetsItsOwnPolicy(String path) {
        withHeaders(given().when().get(path).then().statusCode(200), UI_POLICY);
    }

    @Test
    void graphQLAnswersAndRefusalsCarryThem() {
        withHeaders(given().contentType("application/json").body(Map.of("query", "{ languages { id } }"))
                .when().post("/graphql").then().statusCode(200), POLICY);
        withHeaders(given().contentType("application/json").body(Map.of("query", "{ languages { id "))
                .when().post("/graphql").then(), POLICY);
        withHeaders(given().contentType("text/plain").body("{}").when().post("/graphql").then().statusCode(415),
                POLICY);
    }

    private static void withHeaders(ValidatableResponse response, String policy) {
        response.header("Content-Security-Policy", equalTo(policy))
                .header("X-Content-Type-Options", equalTo("nosniff"))
                .header("X-Frame-Options", equalTo("DENY"))
                .header("Referrer-Policy", equalTo("no-referrer"));
    }
}
