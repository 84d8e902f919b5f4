package dev.crossroads.api.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.oneOf;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.GraphQLRequests;
import dev.crossroads.testing.InjectWireMock;
import dev.crossroads.testing.TestJwts;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every write (manual sync, curation, catalog import) against every kind of credential that must not pass: each is
 * refused with its code and reason, and nothing changes (data version, runs, curation rows). The same writes with an
 * admin JWT get past the guard, so the table cannot pass for a write that refuses everyone.
 */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class AdminAccessTests {

    private static final String JAVA_HTTP_PAGE = "docs/core/event_handler/http.md";
    private static final String GRPC_PAGE = "docs/utilities/event_handler/grpc.md";

    /** A write, as a test document and variables that would change something if let through. */
    record Write(String document, Map<String, Object> variables) {
        @Override
        public String toString() {
            return document;
        }
    }

    /** Credentials that must not pass, what they are refused with, and why. */
    record Denied(String name, Supplier<String> authorization, String code, String message) {
        @Override
        public String toString() {
            return name;
        }
    }

    static final List<Write> WRITES = List.of(
            new Write("triggerSync", Map.of()),
            new Write("linkItem", Map.of("language", "java", "source", "DOCS", "itemKey", JAVA_HTTP_PAGE,
                    "featureId", "event-handler-rest")),
            new Write("unlinkItem", Map.of("language", "typescript", "source", "DOCS", "itemKey", GRPC_PAGE)),
            new Write("resetItemLink", Map.of("language", "typescript", "source", "DOCS", "itemKey", GRPC_PAGE)),
            new Write("createFeature", Map.of("name", "Log redaction")),
            new Write("renameFeature", Map.of("id", "logger", "name", "Structured logging")),
            new Write("mergeFeatures", Map.of("from", "http-router", "into", "event-handler-rest")),
            new Write("acceptSuggestion", Map.of("id", "java:DOCS:" + JAVA_HTTP_PAGE + "->http-router")),
            new Write("rejectSuggestion", Map.of("id", "java:DOCS:" + JAVA_HTTP_PAGE + "->http-router")),
            new Write("importCuration", Map.of("yaml", "features:\n- id: evil\n  name: Evil\n")),
            // an unknown language: past the guard it is refused for its argument, so no backfill starts in the test
            new Write("backfillHistory", Map.of("language", "cobol")));

    static final List<Denied> DENIED = List.of(
            new Denied("no credentials", () -> null, "UNAUTHORIZED",
                    "admin operations need Authorization: Bearer <admin token or JWT>"),
            new Denied("a wrong token", () -> "Bearer not-the-admin-token", "UNAUTHORIZED",
                    "the bearer token is neither the admin token nor a JWT"),
            new Denied("the admin token under another scheme", () -> "Basic " + GitHubWireMockResource.ADMIN_TOKEN,
                    "UNAUTHORIZED", "send credentials as Authorization: Bearer <token>"),
            new Denied("a valid JWT without the admin role", () -> "Bearer " + TestJwts.withoutAdminRole(),
                    "FORBIDDEN", "admin operations need the role 'crossroads-admin' (crossroads.admin.role); the JWT's"
                            + " groups do not include it"),
            new Denied("an expired JWT", () -> "Bearer " + TestJwts.expired(), "UNAUTHORIZED",
                    "the JWT is not accepted: it has expired"),
            new Denied("a JWT of another issuer", () -> "Bearer " + TestJwts.fromAnotherIssuer(), "UNAUTHORIZED",
                    "the JWT is not accepted: it is not from the configured issuer"),
            new Denied("a JWT signed by another key", () -> "Bearer " + TestJwts.signedByAnotherKey(), "UNAUTHORIZED",
                    "the JWT is not accepted: its signature does not match the configured key"));

    /** The gizmo trees are synced once: the writes then have items, features and links to change. */
    private static boolean synced;

    @InjectWireMock
    WireMockServer github;

    @Inject
    Pool pool;

    @BeforeEach
    void syncedOnce() {
        if (!synced) {
            GitHubTrees.resetAll(github, pool);
            post("triggerSync", Map.of(), "Bearer " + GitHubWireMockResource.ADMIN_TOKEN).body("errors", nullValue());
            synced = true;
        }
    }

    static Stream<Arguments> deniedWrites() {
        return WRITES.stream().flatMap(write -> DENIED.stream().map(denied -> Arguments.of(write, denied)));
    }

    @ParameterizedTest(name = "{0} with {1}")
    @MethodSource("deniedWrites")
    void aWriteWithoutAdminCredentialsIsRefusedAndChangesNothing(Write write, Denied denied) {
        String before = state();

        post(write.document(), write.variables(), denied.authorization().get())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo(denied.code()))
                .body("errors[0].message", equalTo(denied.message()))
                .body("data." + write.document(), nullValue());

        assertThat(state()).as("data version, runs and curation rows").isEqualTo(before);
    }

    static Stream<Arguments> writes() {
        return WRITES.stream().map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("writes")
    void anAdminJwtGetsEveryWritePastTheGuard(Write write) {
        // the write itself may still refuse its arguments (a suggestion already answered): never the caller
        post(write.document(), write.variables(), "Bearer " + TestJwts.admin())
                .body("errors[0].extensions.code", not(oneOf("UNAUTHORIZED", "FORBIDDEN", "ADMIN_DISABLED")));
    }

    @Test
    void anAdminJwtAndTheStaticTokenBothWrite() {
        String before = state();
        post("createFeature", Map.of("name", "Token rotation"), "Bearer " + TestJwts.admin())
                .body("errors", nullValue()).body("data.createFeature.id", equalTo("token-rotation"));
        post("renameFeature", Map.of("id", "token-rotation", "name", "Key rotation"),
                "Bearer " + GitHubWireMockResource.ADMIN_TOKEN)
                .body("errors", nullValue()).body("data.renameFeature.name", equalTo("Key rotation"));
        post("triggerSync", Map.of(), "bearer " + TestJwts.admin()).body("errors", nullValue())
                .body("data.triggerSync.outcome", equalTo("SUCCEEDED"));
        assertThat(state()).isNotEqualTo(before);
    }

    @Test
    void readsStayPublicByDefault() {
        GraphQLRequests.post("curation").body("errors", nullValue());
        GraphQLRequests.post("landing").body("errors", nullValue());
    }

    /** What a write would change: the data version, sync runs and every curation table. */
    private String state() {
        return Database.text(pool, "SELECT (SELECT version FROM data_version WHERE id = 1) || ' runs='"
                + " || (SELECT count(*) FROM sync_run) || ' features=' || (SELECT count(*) FROM curated_feature)"
                + " || ' links=' || (SELECT count(*) FROM curated_link) || ' merges='"
                + " || (SELECT count(*) FROM curated_merge) || ' rejected=' || (SELECT count(*) FROM rejected_suggestion)"
                + " || ' names=' || coalesce((SELECT string_agg(id || ':' || name, ',' ORDER BY id)"
                + " FROM curated_feature), '')");
    }

    private static ValidatableResponse post(String document, Map<String, ?> variables, String authorization) {
        var request = given().contentType(ContentType.JSON)
                .body(Map.of("query", GraphQLRequests.document(document), "variables", variables));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.when().post("/graphql").then().log().ifValidationFails().statusCode(200);
    }
}
