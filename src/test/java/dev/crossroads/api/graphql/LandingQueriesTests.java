package dev.crossroads.api.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
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
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The queries the landing page reads besides the matrix: a language's page, recent changes and freshness. */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class LandingQueriesTests {

    @InjectWireMock
    WireMockServer github;

    @Inject
    Pool pool;

    @BeforeEach
    void freshGitHubAndDatabase() {
        GitHubTrees.resetAll(github, pool);
    }

    @Test
    void sourcesAreStaleUntilReadAndFreshAfter() {
        GraphQLRequests.post("sources").body("errors", nullValue())
                .body("data.sources.stale", everyItem(equalTo(true)));
        sync();
        GraphQLRequests.post("sources").body("errors", nullValue())
                .body("data.sources.stale", everyItem(equalTo(false)));
    }

    @Test
    void recentChangesAreNewestFirstAndNameTheirFeature() {
        sync();
        long total = Database.count(pool, "SELECT count(*) FROM change_event");
        JsonPath activity = get("/api/queries/activity", null);
        List<Map<String, Object>> changes = activity.getList("data.recentChanges");
        assertThat(changes).hasSize((int) Math.min(30, total));
        List<String> times = changes.stream().map(c -> (String) c.get("occurredAt")).toList();
        assertThat(times).isSortedAccordingTo(Comparator.reverseOrder());
        assertThat(changes).anySatisfy(c -> assertThat(c.get("feature")).isNotNull());

        JsonPath java = get("/api/queries/language", "{\"language\":\"java\"}");
        List<String> languages = java.getList("data.recentChanges.feature.id");
        assertThat(languages).isNotEmpty();
        GraphQLRequests.post("recentChanges", Map.of("last", 500)).body("errors[0].extensions.code",
                equalTo("PAGE_TOO_LARGE"));
        GraphQLRequests.post("recentChanges", Map.of("language", "java", "last", 100)).body("errors", nullValue())
                .body("data.recentChanges.language", everyItem(equalTo("java")))
                .body("data.recentChanges", hasSize((int) Math.min(100,
                        Database.count(pool, "SELECT count(*) FROM change_event WHERE language = 'java'"))));
        GraphQLRequests.post("recentChanges", Map.of("language", "cobol")).body("errors[0].extensions.code",
                equalTo("BAD_ARGUMENT"));
    }

    @Test
    void aLanguagePageHasItsRoadmapDocsAndBoardWithTheFeaturesTheyBelongTo() {
        sync();
        JsonPath page = get("/api/queries/language", "{\"language\":\"python\"}");
        assertThat(page.getList("data.roadmap.items")).isNotEmpty();
        List<Map<String, Object>> docs = page.getList("data.docsFeatures.features");
        assertThat(docs).isNotEmpty();
        assertThat(docs.stream().map(d -> (Map<?, ?>) d.get("feature")).filter(Objects::nonNull))
                .isNotEmpty().allSatisfy(f -> assertThat(f.get("name")).as("linked feature's name").isNotNull());
        assertThat(page.getInt("data.boardItems.totalCount")).isPositive();

        given().queryParam("variables", "{\"language\":\"cobol\"}").get("/api/queries/language").then()
                .statusCode(200)
                .body("errors[0].extensions.code", equalTo("BAD_ARGUMENT"));
    }

    @Test
    void aFeaturesLinkedItemsCarryTheirHistory() {
        sync();
        String id = get("/api/queries/landing", null).getString("data.parityMatrix.rows[0].feature.id");
        JsonPath feature = get("/api/queries/feature", "{\"id\":\"" + id + "\"}");
        List<List<Map<String, Object>>> histories = feature.getList("data.feature.items.history");
        assertThat(histories).isNotEmpty().allSatisfy(h -> assertThat(h).isNotEmpty()
                .allSatisfy(change -> assertThat(change.get("kind")).isNotNull()));
    }

    private static JsonPath get(String path, String variables) {
        var request = given().accept(ContentType.JSON);
        if (variables != null) {
            request.queryParam("variables", variables);
        }
        return request.get(path).then().log().ifValidationFails().statusCode(200)
                .body("errors", nullValue()).body("data", not(nullValue())).extract().jsonPath();
    }

    private static void sync() {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + GitHubWireMockResource.ADMIN_TOKEN)
                .body(Map.of("query", GraphQLRequests.document("triggerSync"), "variables", Map.of()))
                .post("/graphql").then().statusCode(200).body("errors", nullValue())
                .body("data.triggerSync.outcome", notNullValue());
    }
}
