package dev.crossroads.api.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.GraphQLRequests;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class SyncGraphQLTests {

    @InjectWireMock
    WireMockServer github;

    @Inject
    Pool pool;

    @BeforeEach
    void freshGitHubAndDatabase() {
        GitHubTrees.resetAll(github, pool);
    }

    @Test
    void triggerSyncNeedsTheAdminToken() {
        post("triggerSync", Map.of(), null)
                .body("errors[0].extensions.code", equalTo("UNAUTHORIZED"));
        post("triggerSync", Map.of(), "wrong")
                .body("errors[0].extensions.code", equalTo("UNAUTHORIZED"));
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run")).isZero();
    }

    @Test
    void triggerSyncRunsAndReportsEachSource() {
        post("triggerSync", Map.of(), GitHubWireMockResource.ADMIN_TOKEN)
                .body("errors", nullValue())
                .body("data.triggerSync.trigger", equalTo("MANUAL"))
                .body("data.triggerSync.outcome", equalTo("SUCCEEDED"))
                .body("data.triggerSync.results", hasSize(12))
                .body("data.triggerSync.results.status", everyItem(equalTo("FETCHED")));

        post("triggerSync", Map.of("language", "java", "source", "ROADMAP"), GitHubWireMockResource.ADMIN_TOKEN)
                .body("errors", nullValue())
                .body("data.triggerSync.results", hasSize(1))
                .body("data.triggerSync.results[0].status", equalTo("NOT_MODIFIED"));

        post("triggerSync", Map.of("language", "cobol"), GitHubWireMockResource.ADMIN_TOKEN)
                .body("errors[0].extensions.code", equalTo("BAD_ARGUMENT"));
    }

    @Test
    void sourcesRunsAndChangesDescribeWhatTheSyncDid() {
        post("triggerSync", Map.of(), GitHubWireMockResource.ADMIN_TOKEN).body("errors", nullValue());

        GraphQLRequests.post("sources").body("errors", nullValue())
                .body("data.sources", hasSize(12))
                .body("data.sources.latest.status", everyItem(equalTo("FETCHED")))
                .body("data.sources[0].lastSuccessAt", notNullValue());
        GraphQLRequests.post("syncRuns", Map.of("last", 5)).body("errors", nullValue())
                .body("data.syncRuns", hasSize(1))
                .body("data.syncRuns[0].results", hasSize(12));

        long total = Database.count(pool, "SELECT count(*) FROM change_event");
        String after = null;
        int seen = 0;
        for (int page = 0; page < 100; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 10);
            variables.put("after", after);
            ValidatableResponse response = GraphQLRequests.post("changes", variables).body("errors", nullValue());
            List<String> kinds = response.extract().path("data.changes.edges.node.kind");
            seen += kinds.size();
            if (!(Boolean) response.extract().path("data.changes.pageInfo.hasNextPage")) {
                break;
            }
            after = response.extract().path("data.changes.pageInfo.endCursor");
        }
        assertThat(seen).isEqualTo(total).isPositive();

        GraphQLRequests.post("changes", Map.of("after", "not-a-cursor"))
                .body("errors[0].extensions.code", equalTo("BAD_ARGUMENT"));
    }

    @Test
    void oneRequestCanAskForEverythingAtOnce() {
        post("triggerSync", Map.of(), GitHubWireMockResource.ADMIN_TOKEN).body("errors", nullValue());

        for (int i = 0; i < 5; i++) {
            GraphQLRequests.post("dashboard").body("errors", nullValue())
                    .body("data.languages", hasSize(4))
                    .body("data.sources", hasSize(12))
                    .body("data.syncRuns", hasSize(1))
                    .body("data.changes.edges", hasSize(5));
        }
    }

    private static ValidatableResponse post(String document, Map<String, ?> variables, String token) {
        var request = given().contentType(ContentType.JSON)
                .body(Map.of("query", GraphQLRequests.document(document), "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql").then().log().ifValidationFails().statusCode(200);
    }
}
