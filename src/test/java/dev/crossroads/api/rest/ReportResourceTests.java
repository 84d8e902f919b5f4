package dev.crossroads.api.rest;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.emptyString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.testing.ServedMatrix;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.GraphQLRequests;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code GET /api/reports/parity} end to end: the gizmo example trees served as the four Powertools repositories,
 * a real sync, and each format compared with what GraphQL's {@code parityMatrix} answers for the same selection.
 */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ReportResourceTests {

    private static final String REPORT = "/api/reports/parity";
    private static final List<String> ALL_IDS = List.of("logger", "metrics", "tracer", "event-handler-rest",
            "queue-events", "g-rpc", "http-router", "idempotency", "batch", "feature-flags", "config-loading", "retry");

    @InjectWireMock
    WireMockServer github;

    @Inject
    Pool pool;

    @BeforeEach
    void freshGitHubAndDatabase() {
        GitHubTrees.resetAll(github, pool);
        ServedMatrix.awaitAt(ServedMatrix.databaseVersion(pool));
    }

    // ------------------------------------------------------------------ before any sync

    @Test
    void beforeAnySyncEveryFormatSaysThereIsNoDataYet() throws IOException {
        get(Map.of("format", "md")).statusCode(200)
                .body(containsString("**No data yet: no source has been synced.**"))
                .body(org.hamcrest.Matchers.not(containsString("| Feature")));
        get(Map.of("format", "html")).statusCode(200)
                .body(containsString("<p class=\"notice\">No data yet: no source has been synced.</p>"));
        get(Map.of("format", "json")).statusCode(200)
                .body("message", equalTo("No data yet: no source has been synced"))
                .body("rows", hasSize(0))
                .body("languages.id", equalTo(List.of("python", "typescript", "java", "dotnet")));
        Response csv = get(Map.of("format", "csv")).statusCode(200)
                .header("X-Crossroads-Notice", "No data yet: no source has been synced").extract().response();
        assertThat(csv(csv.asString())).hasSize(1);
    }

    // ------------------------------------------------------------------ formats

    @Test
    void markdownIsAGitHubTableInMatrixOrder() {
        ServedMatrix.syncAsAdmin(pool);
        String markdown = get(Map.of("format", "md")).statusCode(200)
                .contentType(startsWith("text/markdown"))
                .header("Content-Disposition", "attachment; filename=\"parity.md\"")
                .header("X-Crossroads-Data-Version", String.valueOf(ServedMatrix.databaseVersion(pool)))
                .extract().asString();

        assertThat(markdown).startsWith("# Feature parity: Powertools for AWS Lambda\n\nData version " + ServedMatrix.databaseVersion(pool)
                + ", matrix built ");
        assertThat(markdown).contains("| Feature | Group | Parity | Python | TypeScript | Java | .NET |\n"
                + "|---|---|---|---|---|---|---|\n| Logger | Core observability | universal since ");
        String since = " since " + java.time.LocalDate.now(java.time.ZoneOffset.UTC);
        assertThat(markdown).contains("| Retry | Utilities | partial | ➖ absent | ⚠️ deprecated" + since
                + " | ✅ available" + since + " | ➖ absent |");
        assertThat(markdown).contains("| Batch Processing | Data | partial | ✅ available" + since + " | ✅ available"
                + since + " | 📅 planned" + since + " | ✅ available" + since + " |");
        assertThat(markdown.lines().filter(l -> l.startsWith("| ") && !l.startsWith("| Feature |")).count())
                .isEqualTo(ALL_IDS.size());
        assertThat(markdown).contains("Coverage (shipped / shipped anywhere): Python ");
    }

    @Test
    void jsonCsvAndHtmlCarryTheSameRowsAsTheMatrix() throws IOException {
        ServedMatrix.syncAsAdmin(pool);
        get(Map.of("format", "json")).statusCode(200).contentType(startsWith("application/json"))
                .header("Content-Disposition", "attachment; filename=\"parity.json\"")
                .body("family", equalTo("Powertools for AWS Lambda"))
                .body("dataVersion", equalTo((int) ServedMatrix.databaseVersion(pool)))
                .body("generatedAt", notNullValue())
                .body("message", nullValue())
                .body("rows.id", equalTo(ALL_IDS))
                .body("rows[0].cells.language", equalTo(List.of("python", "typescript", "java", "dotnet")))
                .body("rows.find { it.id == 'retry' }.cells.status",
                        equalTo(List.of("ABSENT", "DEPRECATED", "AVAILABLE", "ABSENT")));

        String csv = get(Map.of("format", "csv")).statusCode(200).contentType(startsWith("text/csv"))
                .header("Content-Disposition", "attachment; filename=\"parity.csv\"").extract().asString();
        List<List<String>> rows = csv(csv);
        assertThat(rows.get(0)).containsExactly("feature_id", "feature_name", "group", "parity", "universal_since",
                "python", "python_since", "python_version", "typescript", "typescript_since", "typescript_version",
                "java", "java_since", "java_version", "dotnet", "dotnet_since", "dotnet_version");
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.get(0))).containsExactlyElementsOf(ALL_IDS);

        get(Map.of("format", "html")).statusCode(200).contentType(startsWith("text/html"))
                .header("Content-Disposition", "inline; filename=\"parity.html\"")
                .body(containsString("<link rel=\"stylesheet\" href=\"/report.css\">"))
                .body(containsString("<tr><th scope=\"row\">Logger</th><td>Core observability</td>"));
        given().when().get("/report.css").then().statusCode(200).contentType(startsWith("text/css"));
    }

    // ------------------------------------------------------------------ negotiation

    @Test
    void acceptChoosesTheFormatAndFormatOverridesIt() {
        ServedMatrix.syncAsAdmin(pool);
        accept("text/csv").statusCode(200).contentType(startsWith("text/csv"));
        accept("application/json").statusCode(200).contentType(startsWith("application/json"));
        accept("text/markdown").statusCode(200).contentType(startsWith("text/markdown"));
        accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8").statusCode(200)
                .contentType(startsWith("text/html"));
        accept("application/json;q=0.5, text/csv").statusCode(200).contentType(startsWith("text/csv"));
        accept("*/*").statusCode(200).contentType(startsWith("text/markdown"));
        given().queryParam("format", "csv").accept("application/json").when().get(REPORT).then()
                .statusCode(200).contentType(startsWith("text/csv"));

        accept("image/png").statusCode(406).contentType(ContentType.JSON)
                .body("message", containsString("text/markdown, text/csv, application/json or text/html"));
        get(Map.of("format", "pdf")).statusCode(400)
                .body("message", equalTo("unknown format 'pdf'; use md, csv, json or html"));
    }

    // ------------------------------------------------------------------ selection

    @Test
    void languagesGroupAndQuerySelectTheRowsGraphQLSelects() {
        ServedMatrix.syncAsAdmin(pool);
        for (Map<String, ?> selection : List.<Map<String, ?>>of(
                Map.of("languages", List.of("python", "java")),
                Map.of("group", "data"),
                Map.of("query", "-available_on:java"),
                Map.of("query", "missing_in_one_of(python,typescript,java,dotnet)"),
                Map.of("languages", List.of("typescript"), "query", "status:available"))) {
            List<String> matrix = GraphQLRequests.post("landing", selection).body("errors", nullValue()).extract()
                    .path("data.parityMatrix.rows.feature.id");
            var request = given().queryParam("format", "json");
            selection.forEach((name, value) -> request.queryParam(name, value instanceof List<?> list
                    ? String.join(",", list.stream().map(String::valueOf).toList()) : value));
            request.when().get(REPORT).then().statusCode(200).body("rows.id", equalTo(matrix));
        }
        // repeated and comma-separated are one and the same
        given().queryParam("format", "json").queryParam("languages", "python").queryParam("languages", "java")
                .when().get(REPORT).then().statusCode(200)
                .body("languages.id", equalTo(List.of("python", "java")))
                .body("selection.languages", equalTo(List.of("python", "java")))
                .body("rows[0].cells.language", equalTo(List.of("python", "java")));
        get(Map.of("format", "md", "group", "Data")).statusCode(200)
                .body(containsString("Selection: group Data."));
        get(Map.of("format", "json", "query", "id:nothing-is-called-this")).statusCode(200)
                .body("message", equalTo("No feature matches this selection")).body("rows", hasSize(0));
    }

    @Test
    void aBadQueryIs400WithItsPositionInGraphQLsWords() {
        ServedMatrix.syncAsAdmin(pool);
        get(Map.of("format", "md", "query", "status:(")).statusCode(400).contentType(ContentType.JSON)
                .body("status", equalTo(400))
                .body("code", equalTo("INVALID_QUERY"))
                .body("message", equalTo("at 7: expected a value after 'status:'"))
                .body("position", equalTo(7));
        GraphQLRequests.post("landing", Map.of("query", "status:("))
                .body("errors[0].message", equalTo("at 7: expected a value after 'status:'"));
        get(Map.of("format", "csv", "languages", "python,cobol")).statusCode(400).contentType(ContentType.JSON)
                .body("message", equalTo("unknown language 'cobol'; known: python, typescript, java, dotnet"));
    }

    // ------------------------------------------------------------------ caching

    @Test
    void anUnchangedReportIs304AndANewDataVersionMakesANewOne() {
        ServedMatrix.syncAsAdmin(pool);
        String etag = get(Map.of("format", "md")).statusCode(200).extract().header("ETag");
        assertThat(etag).startsWith("\"" + ServedMatrix.databaseVersion(pool) + "-");
        String csvTag = get(Map.of("format", "csv")).statusCode(200).extract().header("ETag");
        assertThat(csvTag).isNotEqualTo(etag);

        given().queryParam("format", "md").header("If-None-Match", etag).when().get(REPORT).then()
                .statusCode(304).header("ETag", etag).body(emptyString());
        assertThat(get(Map.of("format", "md")).extract().header("ETag")).as("same bytes, same tag").isEqualTo(etag);

        String page = GitHubTrees.read(GitHubTrees.RUST.resolve("docs/core/event_handler/http.md"));
        GitHubTrees.serveFile(github, "aws-powertools/powertools-lambda-java", "main",
                "docs/core/event_handler/http.md", page.replace("title: HTTP\n", "title: HTTP routing\n"));
        ServedMatrix.syncAsAdmin(pool);
        given().queryParam("format", "md").header("If-None-Match", etag).when().get(REPORT).then()
                .statusCode(200).header("ETag", org.hamcrest.Matchers.not(etag));
    }

    // ------------------------------------------------------------------ helpers

    private static io.restassured.response.ValidatableResponse get(Map<String, ?> params) {
        return given().queryParams(params).when().get(REPORT).then().log().ifValidationFails();
    }

    private static io.restassured.response.ValidatableResponse accept(String accept) {
        return given().header("Accept", accept).when().get(REPORT).then().log().ifValidationFails();
    }

    private static List<List<String>> csv(String text) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<List<String>> rows = mapper.readerForListOf(String.class).readValues(text)) {
            return rows.readAll();
        }
    }

    /** A full sync with the admin token, then the matrix rebuilt from what it stored. */}
