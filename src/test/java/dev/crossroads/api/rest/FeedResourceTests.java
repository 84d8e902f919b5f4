package dev.crossroads.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.rometools.rome.feed.atom.Category;
import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.atom.Feed;
import com.rometools.rome.io.WireFeedInput;
import dev.crossroads.testing.ServedMatrix;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/feed.atom} end to end: a sync of the gizmo trees served as the Powertools repositories, then a
 * roadmap edit synced in, each feed read back with Rome.
 */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class FeedResourceTests {

    private static final String FEED = "/api/feed.atom";
    private static final String PYTHON_REPO = "aws-powertools/powertools-lambda-python";
    private static final String ROADMAP = "docs/roadmap.md";

    @InjectWireMock
    WireMockServer github;

    @Inject
    Pool pool;

    @BeforeEach
    void freshGitHubAndDatabase() {
        GitHubTrees.resetAll(github, pool);
        ServedMatrix.awaitAt(ServedMatrix.databaseVersion(pool));
    }

    @Test
    void beforeAnySyncTheFeedIsEmptyAndSaysWhy() throws Exception {
        Feed feed = feed(Map.of());

        assertThat(feed.getEntries()).isEmpty();
        assertThat(feed.getSubtitle().getValue()).isEqualTo("No data yet: no source has been synced");
    }

    @Test
    void changesAreAtomNewestFirstWithIdsThatStayTheSame() throws Exception {
        ServedMatrix.syncAsAdmin(pool);
        Feed first = feed(Map.of());

        assertThat(first.getFeedType()).isEqualTo("atom_1.0");
        assertThat(first.getId()).isEqualTo("tag:crossroads.dev,2025:powertools/feed");
        assertThat(first.getTitle()).isEqualTo("Powertools for AWS Lambda: changes");
        List<Entry> entries = first.getEntries();
        assertThat(entries).hasSizeBetween(20, 100);
        assertThat(entries).extracting(Entry::getId).doesNotHaveDuplicates()
                .allMatch(id -> id.startsWith("tag:crossroads.dev,2025:powertools/"));
        for (int i = 1; i < entries.size(); i++) {
            assertThat(entries.get(i).getUpdated()).as("entry %d is not newer than the one before", i)
                    .isBeforeOrEqualTo(entries.get(i - 1).getUpdated());
        }
        assertThat(first.getUpdated()).isEqualTo(entries.get(0).getUpdated());
        Entry logger = entries.stream().filter(e -> e.getTitle().startsWith("“Logger” is available in every"
                + " language")).findFirst().orElseThrow();
        assertThat(terms(logger, "urn:crossroads:change")).containsExactly("available-everywhere");
        assertThat(logger.getAlternateLinks().get(0).getHref()).matches("http://localhost:\\d+/features/logger");
        Entry javaLogging = entries.stream().filter(e -> e.getTitle().equals("Java: “Logging” is available (docs)"))
                .findFirst().orElseThrow();
        assertThat(terms(javaLogging, "urn:crossroads:change")).containsExactly("shipped");
        assertThat(terms(javaLogging, "urn:crossroads:feature")).containsExactly("logger");
        assertThat(javaLogging.getAlternateLinks().get(0).getHref()).endsWith("/features/logger");

        assertThat(ids(feed(Map.of()))).as("the same feed asked again").isEqualTo(ids(first));

        editPythonRoadmapAndSync();
        Feed later = feed(Map.of());
        List<Entry> news = later.getEntries().subList(0, 2);
        assertThat(news).extracting(Entry::getTitle).containsExactly(
                "Python roadmap: “Async batch processing” planned → in progress",
                "Python roadmap: “OpenMetrics exporter” dropped (was in progress)");
        assertThat(terms(news.get(0), "urn:crossroads:change")).containsExactly("status-changed");
        assertThat(terms(news.get(1), "urn:crossroads:change")).containsExactly("dropped");
        assertThat(terms(news.get(1), "urn:crossroads:language")).containsExactly("python");
        assertThat(ids(later).subList(2, later.getEntries().size())).as("older entries keep their ids")
                .isEqualTo(ids(first));
    }

    @Test
    void languageFeatureAndLimitFilterTheEntries() throws Exception {
        ServedMatrix.syncAsAdmin(pool);
        List<String> all = ids(feed(Map.of()));

        Feed java = feed(Map.of("language", "java"));
        assertThat(java.getTitle()).isEqualTo("Powertools for AWS Lambda: changes in Java");
        assertThat(java.getId()).isEqualTo("tag:crossroads.dev,2025:powertools/feed/language/java");
        assertThat(java.getEntries()).isNotEmpty()
                .allSatisfy(e -> assertThat(terms(e, "urn:crossroads:language")).containsExactly("java"));
        assertThat(all).containsAll(ids(java));

        Feed logger = feed(Map.of("feature", "logger"));
        assertThat(logger.getEntries()).extracting(Entry::getTitle).contains(
                "Python: “Logger” is available (docs)", "Java: “Logging” is available (docs)",
                "TypeScript: “Logging” is available (docs)");
        assertThat(logger.getEntries()).allSatisfy(e ->
                assertThat(terms(e, "urn:crossroads:feature")).containsExactly("logger"));
        assertThat(logger.getAlternateLinks().get(0).getHref()).endsWith("/features/logger");
        assertThat(feed(Map.of("feature", "no-such-feature")).getEntries()).isEmpty();

        assertThat(ids(feed(Map.of("limit", 3)))).isEqualTo(all.subList(0, 3));
        assertThat(ids(feed(Map.of("limit", 0)))).isEqualTo(all.subList(0, 1));
        assertThat(ids(feed(Map.of("limit", 100_000)))).as("at most 500, here all").hasSize(all.size());
        given().queryParam("limit", "many").when().get(FEED).then().statusCode(400).contentType(ContentType.JSON)
                .body("message", equalTo("limit must be a number of entries, 1 to 500"));
        given().queryParam("language", "cobol").when().get(FEED).then().statusCode(400)
                .body("message", equalTo("unknown language 'cobol'; known: python, typescript, java, dotnet"));
    }

    @Test
    void anUnchangedFeedIs304() {
        ServedMatrix.syncAsAdmin(pool);
        String etag = given().when().get(FEED).then().statusCode(200).extract().header("ETag");

        given().header("If-None-Match", etag).when().get(FEED).then().statusCode(304).header("ETag", etag);
        given().queryParam("language", "java").header("If-None-Match", etag).when().get(FEED).then()
                .statusCode(200);
    }

    // ------------------------------------------------------------------ helpers

    /** Python's roadmap: one box of "Async batch processing" ticked (in progress), "OpenMetrics" struck (dropped). */
    private void editPythonRoadmapAndSync() {
        String roadmap = GitHubTrees.read(GitHubTrees.PYTHON.resolve(ROADMAP));
        String edited = roadmap.replace("* [ ] [Issue collecting use cases]", "* [x] [Issue collecting use cases]")
                .replace("### OpenMetrics exporter (P2)", "### ~~OpenMetrics exporter (P2)~~");
        assertThat(edited).isNotEqualTo(roadmap);
        GitHubTrees.serveFile(github, PYTHON_REPO, "develop", ROADMAP, edited);
        ServedMatrix.syncAsAdmin(pool);
    }

    private static Feed feed(Map<String, ?> params) throws Exception {
        String xml = given().queryParams(params).when().get(FEED).then().log().ifValidationFails().statusCode(200)
                .contentType(startsWith("application/atom+xml")).extract().asString();
        return (Feed) new WireFeedInput().build(new StringReader(xml));
    }

    private static List<String> ids(Feed feed) {
        return feed.getEntries().stream().map(Entry::getId).toList();
    }

    private static List<String> terms(Entry entry, String scheme) {
        List<String> terms = new ArrayList<>();
        for (Category category : entry.getCategories()) {
            if (scheme.equals(category.getScheme())) {
                terms.add(category.getTerm());
            }
        }
        return terms;
    }
}
