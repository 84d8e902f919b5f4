package dev.crossroads.api.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.crossroads.testing.GraphQLRequests;
import dev.crossroads.testing.TestJwts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A private deployment: reads need credentials ({@code crossroads.access.reads=authenticated}) and the schema is not
 * published ({@code crossroads.graphql.introspection=false}).
 */
@QuarkusTest
@TestProfile(PrivateDeploymentTests.Private.class)
class PrivateDeploymentTests {

    static final String ADMIN_TOKEN = "private-admin-token";

    public static class Private implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(TestJwts.serviceConfig());
            config.put("crossroads.access.reads", "authenticated");
            config.put("crossroads.graphql.introspection", "false");
            config.put("crossroads.admin.token", ADMIN_TOKEN);
            return config;
        }
    }

    @Test
    void graphQLWithoutCredentialsIs401WithAGraphQLError() {
        graphql(given(), "{ languages { id } }").statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("errors[0].extensions.code", equalTo("UNAUTHORIZED"))
                .body("errors[0].message", equalTo("reading needs Authorization: Bearer <admin token or JWT>"
                        + " (crossroads.access.reads)"))
                .body("data", nullValue());
    }

    @ParameterizedTest(name = "GET {0}")
    @ValueSource(strings = {"/api/queries/landing", "/graphql/schema.graphql"})
    void restReadsWithoutCredentialsAre401(String path) {
        given().when().get(path).then().statusCode(401)
                .header("WWW-Authenticate", equalTo("Bearer"))
                .body("status", equalTo(401))
                .body("message", equalTo("reading needs Authorization: Bearer <admin token or JWT>"
                        + " (crossroads.access.reads)"));
    }

    @Test
    void aPreviewWithoutCredentialsIs401BeforeItsBodyIsRead() {
        given().contentType("text/markdown; charset=UTF-8").body("# Roadmap\n").when().post("/api/parse/roadmap").then()
                .statusCode(401).body("status", equalTo(401));
    }

    @Test
    void invalidCredentialsAre401WithTheReason() {
        graphql(bearer(TestJwts.expired()), "{ languages { id } }").statusCode(401)
                .body("errors[0].message", equalTo("the JWT is not accepted: it has expired"));
        given().header("Authorization", "Bearer nope").when().get("/api/queries/landing").then().statusCode(401)
                .body("message", equalTo("the bearer token is neither the admin token nor a JWT"));
    }

    @Test
    void anyValidJwtOrTheAdminTokenReads() {
        graphql(bearer(TestJwts.withoutAdminRole()), "{ languages { id } }").statusCode(200)
                .body("errors", nullValue());
        graphql(bearer(ADMIN_TOKEN), "{ languages { id } }").statusCode(200).body("errors", nullValue());
        given().contentType("text/markdown; charset=UTF-8").header("Authorization", "Bearer " + TestJwts.withoutAdminRole())
                .body("# Roadmap\n\n## Themes\n\n### Logging\n").when().post("/api/parse/roadmap").then()
                .statusCode(200).body("items[0].title", equalTo("Logging"));
    }

    @Test
    void cachedAnswersAreServedToCredentialsOnly() {
        // asked three times, the landing query is answered from stored bytes (filled over loopback with the
        // asker's credentials); without credentials it is still refused
        for (int i = 0; i < 3; i++) {
            graphql(bearer(TestJwts.withoutAdminRole()), GraphQLRequests.document("landing")).statusCode(200)
                    .body("errors", nullValue());
            given().header("Authorization", "Bearer " + ADMIN_TOKEN).when().get("/api/queries/landing").then()
                    .statusCode(200).body("errors", nullValue());
        }
        graphql(given(), GraphQLRequests.document("landing")).statusCode(401);
        given().when().get("/api/queries/landing").then().statusCode(401);
    }

    @Test
    void aReaderCannotWrite() {
        graphql(bearer(TestJwts.withoutAdminRole()), "mutation { createFeature(name: \"X\") { id } }")
                .statusCode(200).body("errors[0].extensions.code", equalTo("FORBIDDEN"));
    }

    @Test
    void healthStaysOpenForThePlatform() {
        given().when().get("/q/health/ready").then().statusCode(200);
        given().when().get("/q/health/live").then().statusCode(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"{ __schema { types { name } } }", "{ __type(name: \"Query\") { name } }",
        "{ s: __schema { queryType { name } } }", "{ ...F } fragment F on Query { __schema { queryType { name } } }"})
    void introspectionIsRefusedWhenSwitchedOff(String query) {
        graphql(bearer(ADMIN_TOKEN), query).statusCode(400)
                .body("errors[0].extensions.code", equalTo("INTROSPECTION_DISABLED"))
                .body("errors[0].message", equalTo("__schema and __type are switched off"
                        + " (crossroads.graphql.introspection)"));
    }

    @Test
    void theSchemaIsNotPublishedWhenIntrospectionIsOff() {
        given().header("Authorization", "Bearer " + ADMIN_TOKEN).when().get("/graphql/schema.graphql").then()
                .statusCode(404).body("code", equalTo("INTROSPECTION_DISABLED"));
        graphql(bearer(ADMIN_TOKEN), "{ languages { __typename id } }").statusCode(200).body("errors", nullValue());
    }

    private static RequestSpecification bearer(String token) {
        return given().header("Authorization", "Bearer " + token);
    }

    private static ValidatableResponse graphql(RequestSpecification request, String query) {
        return request.contentType("application/json").body(Map.of("query", query)).when().post("/graphql").then()
                .log().ifValidationFails();
    }
}
