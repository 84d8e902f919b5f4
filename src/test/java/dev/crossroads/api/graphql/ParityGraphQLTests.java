package dev.crossroads.api.graphql;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.ServedMatrix;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.GraphQLRequests;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The parity read API and curation over GraphQL, end to end: the gizmo example trees served as the four Powertools
 * repositories, a real sync, the matrix rebuilt from it, and the cached POST and GET routes in front of it.
 */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class ParityGraphQLTests {

    private static final String ADMIN = GitHubWireMockResource.ADMIN_TOKEN;
    private static final String ALL_SHIP = "python=AVAILABLE typescript=AVAILABLE java=AVAILABLE dotnet=AVAILABLE";

    /** The matrix of the gizmo trees (python→gizmo/python, typescript→gizmo/go, java→gizmo/rust, dotnet→python). */
    private static final List<String> MATRIX = List.of(
            "logger | Logger | Core observability | UNIVERSAL | " + ALL_SHIP,
            "metrics | Metrics | Core observability | UNIVERSAL | " + ALL_SHIP,
            "tracer | Tracer | Core observability | UNIVERSAL | " + ALL_SHIP,
            "event-handler-rest | Event Handler: REST/HTTP API | Event handler | PARTIAL | "
                    + "python=AVAILABLE typescript=ABSENT java=ABSENT dotnet=AVAILABLE",
            "queue-events | Queue events | Event handler | PARTIAL | "
                    + "python=AVAILABLE typescript=ABSENT java=AVAILABLE dotnet=AVAILABLE",
            "g-rpc | gRPC | Event handler | UNIQUE | "
                    + "python=ABSENT typescript=AVAILABLE java=ABSENT dotnet=ABSENT",
            "http-router | HTTP router | Event handler | PARTIAL | "
                    + "python=ABSENT typescript=AVAILABLE java=AVAILABLE dotnet=ABSENT",
            "idempotency | Idempotency | Data | UNIVERSAL | "
                    + "python=AVAILABLE typescript=AVAILABLE java=PREVIEW dotnet=AVAILABLE",
            "batch | Batch Processing | Data | PARTIAL | "
                    + "python=AVAILABLE typescript=AVAILABLE java=PLANNED dotnet=AVAILABLE",
            "feature-flags | Feature Flags | Integrations | PARTIAL | "
                    + "python=PREVIEW typescript=ABSENT java=AVAILABLE dotnet=PREVIEW",
            "config-loading | Config loading | Features | PARTIAL | "
                    + "python=AVAILABLE typescript=NOT_PLANNED java=AVAILABLE dotnet=AVAILABLE",
            "retry | Retry | Utilities | PARTIAL | "
                    + "python=ABSENT typescript=DEPRECATED java=AVAILABLE dotnet=ABSENT");

    private static final List<String> ALL_IDS = List.of("logger", "metrics", "tracer", "event-handler-rest",
            "queue-events", "g-rpc", "http-router", "idempotency", "batch", "feature-flags", "config-loading", "retry");

    private static final String JAVA_REPO = "aws-powertools/powertools-lambda-java";
    private static final String JAVA_HTTP_PAGE = "docs/core/event_handler/http.md";

    @InjectWireMock
    WireMockServer github;

    @Inject
    Pool pool;

    @BeforeEach
    void freshGitHubAndDatabase() {
        GitHubTrees.resetAll(github, pool);
        // the wipe moved the data version without an event: the matrix catches up on its refresh interval
        ServedMatrix.awaitAt(ServedMatrix.databaseVersion(pool));
    }

    // ------------------------------------------------------------------ 1. before any sync

    @Test
    void matrixIsEmptyBeforeAnySync() {
        GraphQLRequests.post("landing").body("errors", nullValue())
                .body("data.parityMatrix.dataVersion", equalTo((int) ServedMatrix.databaseVersion(pool)))
                .body("data.parityMatrix.generatedAt", notNullValue())
                .body("data.parityMatrix.query", nullValue())
                .body("data.parityMatrix.rows", hasSize(0))
                .body("data.parityMatrix.languages.language.id", equalTo(List.of("python", "typescript", "java",
                        "dotnet")))
                .body("data.parityMatrix.languages.shipped", equalTo(List.of(0, 0, 0, 0)))
                .body("data.parityMatrix.languages.total", equalTo(List.of(0, 0, 0, 0)));
        GraphQLRequests.post("features", Map.of("first", 2)).body("errors", nullValue())
                .body("data.features.totalCount", equalTo(0))
                .body("data.features.edges", hasSize(0))
                .body("data.features.pageInfo.hasNextPage", equalTo(false));
    }

    // ------------------------------------------------------------------ 2. after a sync

    @Test
    void aSyncAlignsTheGizmoTreesIntoOneRowPerFeature() {
        Instant started = Instant.now();
        sync();
        JsonPath matrix = GraphQLRequests.post("landing").body("errors", nullValue()).extract().jsonPath();

        assertThat(matrix.getLong("data.parityMatrix.dataVersion")).isEqualTo(ServedMatrix.databaseVersion(pool));
        assertThat(compact(matrix, "data.parityMatrix.rows")).containsExactlyElementsOf(MATRIX);
        assertThat(coverage(matrix)).containsExactly("python 9/12 0.75", "typescript 8/12 0.6667",
                "java 9/12 0.75", "dotnet 9/12 0.75");

        // one row for a feature each language names differently: Logger (python, .NET) and Logging (go, rust)
        assertThat(aliases(matrix, "data.parityMatrix.rows[0].feature")).containsExactly("python=Logger",
                "typescript=Logging", "java=Logging", "dotnet=Logger");
        assertThat(aliases(matrix, "data.parityMatrix.rows[2].feature")).containsExactly("python=Tracer",
                "typescript=Tracing", "java=Tracing", "dotnet=Tracer");

        // each documented cell rests on its docs page on GitHub, since the sync saw it
        Map<String, Object> python = matrix.getMap("data.parityMatrix.rows[0].cells[0]");
        assertThat(matrix.getList("data.parityMatrix.rows[0].cells[0].evidence")).hasSize(1);
        assertThat(matrix.getString("data.parityMatrix.rows[0].cells[0].evidence[0].source")).isEqualTo("DOCS");
        assertThat(matrix.getString("data.parityMatrix.rows[0].cells[0].evidence[0].url")).isEqualTo(
                "https://github.com/aws-powertools/powertools-lambda-python/blob/develop/docs/core/logger.md");
        assertThat(matrix.getString("data.parityMatrix.rows[0].cells[0].evidence[0].text"))
                .isEqualTo("Logger — documented");
        assertThat(matrix.getString("data.parityMatrix.rows[0].cells[0].evidence[0].observedAt")).isNotNull();
        Instant since = Instant.parse((String) python.get("since"));
        assertThat(since).isBetween(started.minusSeconds(5), Instant.now().plusSeconds(5));
        assertThat(python.get("availableSince")).isEqualTo(python.get("since"));

        // the typescript cell of Logger: its docs page first, then the roadmap item that names it
        assertThat(matrix.getList("data.parityMatrix.rows[0].cells[1].evidence.url")).containsExactly(
                "https://github.com/aws-powertools/powertools-lambda-typescript/blob/main/docs/core/logging.md",
                "https://github.com/aws-powertools/powertools-lambda-typescript/blob/main/docs/roadmap.md#L22");
        assertThat(matrix.getList("data.parityMatrix.rows[0].cells[1].disagreements.kind"))
                .containsExactly("DOCS_AHEAD_OF_ROADMAP");
        assertThat(matrix.getString("data.parityMatrix.rows[0].cells[1].priority")).isEqualTo("P0");

        // available everywhere since the last language shipped it
        List<String> shipped = matrix.getList("data.parityMatrix.rows[0].cells.availableSince");
        String last = shipped.stream().max((a, b) -> Instant.parse(a).compareTo(Instant.parse(b))).orElseThrow();
        assertThat(matrix.getString("data.parityMatrix.rows[0].universalSince")).isEqualTo(last);
        // a partial feature has no "everywhere since", and an absent cell no since nor evidence
        assertThat(matrix.getString("data.parityMatrix.rows[3].universalSince")).isNull();
        assertThat(matrix.getString("data.parityMatrix.rows[3].cells[1].since")).isNull();
        assertThat(matrix.getList("data.parityMatrix.rows[3].cells[1].evidence")).isEmpty();
    }

    // ------------------------------------------------------------------ 3. filters

    @Test
    void languagesFilterKeepsOnlyThoseCellsAndRecomputesParity() {
        sync();
        JsonPath matrix = GraphQLRequests.post("landing", Map.of("languages", List.of("python", "java")))
                .body("errors", nullValue()).extract().jsonPath();

        // g-rpc (typescript only) is mentioned by neither language: no row
        assertThat(compact(matrix, "data.parityMatrix.rows")).containsExactly(
                "logger | Logger | Core observability | UNIVERSAL | python=AVAILABLE java=AVAILABLE",
                "metrics | Metrics | Core observability | UNIVERSAL | python=AVAILABLE java=AVAILABLE",
                "tracer | Tracer | Core observability | UNIVERSAL | python=AVAILABLE java=AVAILABLE",
                "event-handler-rest | Event Handler: REST/HTTP API | Event handler | UNIQUE | "
                        + "python=AVAILABLE java=ABSENT",
                "queue-events | Queue events | Event handler | UNIVERSAL | python=AVAILABLE java=AVAILABLE",
                "http-router | HTTP router | Event handler | UNIQUE | python=ABSENT java=AVAILABLE",
                "idempotency | Idempotency | Data | UNIVERSAL | python=AVAILABLE java=PREVIEW",
                "batch | Batch Processing | Data | UNIQUE | python=AVAILABLE java=PLANNED",
                "feature-flags | Feature Flags | Integrations | UNIVERSAL | python=PREVIEW java=AVAILABLE",
                "config-loading | Config loading | Features | UNIVERSAL | python=AVAILABLE java=AVAILABLE",
                "retry | Retry | Utilities | UNIQUE | python=ABSENT java=AVAILABLE");
        assertThat(coverage(matrix)).containsExactly("python 9/11 0.8182", "java 9/11 0.8182");
        // everywhere now means python and java: the later of the two
        assertThat(matrix.getString("data.parityMatrix.rows[0].universalSince"))
                .isEqualTo(matrix.getString("data.parityMatrix.rows[0].cells[1].availableSince"));
    }

    @Test
    void unknownLanguageIsABadArgument() {
        sync();
        GraphQLRequests.post("landing", Map.of("languages", List.of("python", "cobol")))
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_ARGUMENT"))
                .body("errors[0].message", equalTo("unknown language 'cobol'; known: python, typescript, java, "
                        + "dotnet"));
    }

    @Test
    void groupFilterIgnoresCase() {
        sync();
        assertThat(matrixIds(Map.of("group", "Core observability")))
                .containsExactly("logger", "metrics", "tracer");
        // the catalog's "Event handler" and the nav's "Event Handler" are one group to the filter
        assertThat(matrixIds(Map.of("group", "event handler")))
                .containsExactly("event-handler-rest", "queue-events", "g-rpc", "http-router");
        assertThat(matrixIds(Map.of("group", "Data", "query", "-available_on:java"))).containsExactly("batch");
        assertThat(matrixIds(Map.of("group", "Nothing like it"))).isEmpty();
    }

    @Test
    void searchQueriesReturnExactlyTheMatchingFeatures() {
        sync();
        assertThat(matrixIds(Map.of("query", "available_on:python"))).containsExactly("logger", "metrics", "tracer",
                "event-handler-rest", "queue-events", "idempotency", "batch", "feature-flags", "config-loading");
        assertThat(matrixIds(Map.of("query", "-available_on:java")))
                .containsExactly("event-handler-rest", "g-rpc", "batch");
        assertThat(matrixIds(Map.of("query", "missing_in_one_of(python,typescript,java)"))).containsExactly(
                "queue-events", "http-router", "batch", "feature-flags", "config-loading", "retry");
        assertThat(matrixIds(Map.of("query", "missing_in_one_of(python,typescript,java,dotnet)")))
                .containsExactly("queue-events", "batch", "feature-flags", "config-loading");
        assertThat(matrixIds(Map.of("query", "parity:unique"))).containsExactly("g-rpc");
        assertThat(matrixIds(Map.of("query", "parity:universal")))
                .containsExactly("logger", "metrics", "tracer", "idempotency");
        assertThat(matrixIds(Map.of("query", "status:java=planned"))).containsExactly("batch");
        assertThat(matrixIds(Map.of("query", "flags"))).containsExactly("feature-flags");
        assertThat(matrixIds(Map.of("query", "logging"))).containsExactly("logger");

        // the query is echoed, and coverage stays over every language
        GraphQLRequests.post("landing", Map.of("query", "parity:unique")).body("errors", nullValue())
                .body("data.parityMatrix.query", equalTo("parity:unique"))
                .body("data.parityMatrix.languages", hasSize(4));
        // features(query:) takes the same language
        GraphQLRequests.post("features", Map.of("query", "parity:universal")).body("errors", nullValue())
                .body("data.features.totalCount", equalTo(4))
                .body("data.features.edges.node.id", equalTo(List.of("logger", "metrics", "tracer", "idempotency")));
    }

    @Test
    void aBadQueryIsAnInvalidQueryErrorNeverAServerError() {
        sync();
        GraphQLRequests.post("landing", Map.of("query", "status:(")) // asserts HTTP 200
                .body("data", nullValue())
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("INVALID_QUERY"))
                .body("errors[0].message", equalTo("at 7: expected a value after 'status:'"))
                .body("errors[0].path", equalTo(List.of("parityMatrix")));
        GraphQLRequests.post("features", Map.of("query", "status:("))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_QUERY"))
                .body("errors[0].message", equalTo("at 7: expected a value after 'status:'"));
        // the same through the GET route: answered, not cached, never a 5xx
        given().queryParam("variables", "{\"query\":\"status:(\"}")
                .when().get("/api/queries/landing")
                .then().statusCode(200)
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("INVALID_QUERY"));
    }

    // ------------------------------------------------------------------ 4. paging

    @Test
    void featuresArePagedByCursor() {
        sync();
        ValidatableResponse first = GraphQLRequests.post("features", Map.of("first", 2)).body("errors", nullValue())
                .body("data.features.totalCount", equalTo(12))
                .body("data.features.edges.node.id", equalTo(List.of("logger", "metrics")))
                .body("data.features.pageInfo.hasNextPage", equalTo(true));
        String after = first.extract().path("data.features.pageInfo.endCursor");
        assertThat(after).isEqualTo(first.extract().path("data.features.edges[1].cursor"));

        GraphQLRequests.post("features", Map.of("first", 2, "after", after)).body("errors", nullValue())
                .body("data.features.totalCount", equalTo(12))
                .body("data.features.edges.node.id", equalTo(List.of("tracer", "event-handler-rest")))
                .body("data.features.pageInfo.hasNextPage", equalTo(true));

        // every page in turn gives every feature once, in matrix order, and the last says so
        List<String> seen = new ArrayList<>();
        String cursor = null;
        for (int page = 0; page < 10; page++) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", 5);
            variables.put("after", cursor);
            ExtractableResponse<Response> response = GraphQLRequests.post("features", variables)
                    .body("errors", nullValue()).extract();
            seen.addAll(response.path("data.features.edges.node.id"));
            cursor = response.path("data.features.pageInfo.endCursor");
            if (!(Boolean) response.path("data.features.pageInfo.hasNextPage")) {
                break;
            }
        }
        assertThat(seen).containsExactlyElementsOf(ALL_IDS);

        GraphQLRequests.post("features", Map.of("first", 2, "after", "not-a-cursor"))
                .body("data", nullValue())
                .body("errors[0].extensions.code", equalTo("BAD_ARGUMENT"))
                .body("errors[0].message", equalTo("'not-a-cursor' is not a cursor from a features page"));
    }

    // ------------------------------------------------------------------ 5. one feature

    @Test
    void featureListsItsItemsWithTheReasonTheyWereLinked() {
        sync();
        JsonPath tracer = GraphQLRequests.post("feature", Map.of("id", "tracer")).body("errors", nullValue())
                .extract().jsonPath();
        assertThat(tracer.getString("data.feature.name")).isEqualTo("Tracer");
        assertThat(tracer.getString("data.feature.group")).isEqualTo("Core observability");
        assertThat(tracer.getString("data.feature.parity")).isEqualTo("UNIVERSAL");
        assertThat(items(tracer, "data.feature.items")).containsExactly(
                "python DOCS docs/core/tracer.md | Tracer | AVAILABLE | CATALOG 1.0",
                "typescript DOCS docs/core/tracing.md | Tracing | AVAILABLE | CATALOG 1.0",
                "java DOCS docs/core/tracing.md | Tracing | AVAILABLE | CATALOG 1.0",
                "dotnet DOCS docs/core/tracer.md | Tracer | AVAILABLE | CATALOG 1.0",
                "typescript ROADMAP key-areas/core-utilities/tracing | Tracing | PLANNED | CATALOG 1.0",
                // a roadmap theme that only mentions the feature: evidence, not the feature itself
                "java ROADMAP themes/stable-tracing-crate | Stable tracing crate | PLANNED | "
                        + "TITLE_MENTIONS_FEATURE 0.8 supporting");
        assertThat(tracer.getString("data.feature.items[0].url"))
                .isEqualTo("https://github.com/aws-powertools/powertools-lambda-python/blob/develop/docs/core/tracer.md");

        JsonPath retry = GraphQLRequests.post("feature", Map.of("id", "retry")).body("errors", nullValue())
                .extract().jsonPath();
        assertThat(items(retry, "data.feature.items")).containsExactly(
                "typescript DOCS docs/utilities/retry.md | Retry | DEPRECATED | OWN_FEATURE 1.0",
                "java DOCS docs/utilities/retries.md | Retries | AVAILABLE | SAME_NAME 1.0");

        GraphQLRequests.post("feature", Map.of("id", "no-such-feature"))
                .body("errors", nullValue())
                .body("data.feature", nullValue());
    }

    // ------------------------------------------------------------------ 6. curation

    @Test
    void curationNeedsTheAdminTokenAndChangesNothingWithoutIt() {
        sync();
        long version = ServedMatrix.version();
        for (String token : new String[] {null, "wrong"}) {
            admin("linkItem", Map.of("language", "java", "source", "DOCS", "itemKey", JAVA_HTTP_PAGE,
                    "featureId", "event-handler-rest"), token)
                    .body("errors[0].extensions.code", equalTo("UNAUTHORIZED"))
                    .body("data.linkItem", nullValue());
            admin("createFeature", Map.of("name", "Log redaction"), token)
                    .body("errors[0].extensions.code", equalTo("UNAUTHORIZED"));
            admin("mergeFeatures", Map.of("from", "http-router", "into", "event-handler-rest"), token)
                    .body("errors[0].extensions.code", equalTo("UNAUTHORIZED"));
            admin("importCuration", Map.of("yaml", "features:\n- id: evil\n  name: Evil\n"), token)
                    .body("errors[0].extensions.code", equalTo("UNAUTHORIZED"))
                    .body("data", nullValue());
        }
        GraphQLRequests.post("curation").body("errors", nullValue()).body("data.curation", equalTo("features: []\n"));
        assertThat(Database.count(pool, "SELECT count(*) FROM curated_feature")
                + Database.count(pool, "SELECT count(*) FROM curated_link")
                + Database.count(pool, "SELECT count(*) FROM curated_merge")).isZero();
        assertThat(ServedMatrix.databaseVersion(pool)).isEqualTo(version);
        assertThat(compact(GraphQLRequests.post("landing").extract().jsonPath(), "data.parityMatrix.rows"))
                .containsExactlyElementsOf(MATRIX);
    }

    @Test
    void curationCreatesLinksUnlinksRenamesMergesAndRoundTripsAsYaml() {
        sync();

        // a feature a roadmap already names: its items attach to it as soon as it exists
        JsonPath created = admin("createFeature", Map.of("name", "Log redaction", "group", "Core observability"),
                ADMIN).body("errors", nullValue()).extract().jsonPath();
        assertThat(created.getString("data.createFeature.id")).isEqualTo("log-redaction");
        assertThat(created.getString("data.createFeature.name")).isEqualTo("Log redaction");
        assertThat(created.getString("data.createFeature.group")).isEqualTo("Core observability");
        assertThat(created.getString("data.createFeature.parity")).isEqualTo("NONE");
        assertThat(statuses(created, "data.createFeature.cells"))
                .isEqualTo("python=IN_PROGRESS typescript=ABSENT java=ABSENT dotnet=IN_PROGRESS");
        assertThat(created.getList("data.createFeature.items.key"))
                .containsExactly("key-areas/log-redaction", "key-areas/log-redaction");

        // a feature nothing names yet is shown all the same
        admin("createFeature", Map.of("id", "otel-bridge", "name", "OpenTelemetry bridge",
                "description", "Logs to OpenTelemetry."), ADMIN).body("errors", nullValue())
                .body("data.createFeature.id", equalTo("otel-bridge"))
                .body("data.createFeature.group", nullValue())
                .body("data.createFeature.description", equalTo("Logs to OpenTelemetry."))
                .body("data.createFeature.parity", equalTo("NONE"))
                .body("data.createFeature.items", hasSize(0));

        // move rust's HTTP page from the HTTP router (found in the go docs) to the catalog's REST/HTTP feature
        JsonPath linked = admin("linkItem", Map.of("language", "java", "source", "DOCS", "itemKey", JAVA_HTTP_PAGE,
                "featureId", "event-handler-rest"), ADMIN).body("errors", nullValue()).extract().jsonPath();
        assertThat(linked.getString("data.linkItem.id")).isEqualTo("event-handler-rest");
        assertThat(linked.getString("data.linkItem.parity")).isEqualTo("PARTIAL");
        assertThat(statuses(linked, "data.linkItem.cells"))
                .isEqualTo("python=AVAILABLE typescript=ABSENT java=AVAILABLE dotnet=AVAILABLE");
        assertThat(items(linked, "data.linkItem.items")).containsExactly(
                "python DOCS docs/core/event_handler/rest.md | REST API | AVAILABLE | CATALOG 1.0",
                "java DOCS docs/core/event_handler/http.md | HTTP | AVAILABLE | CURATED 1.0",
                "dotnet DOCS docs/core/event_handler/rest.md | REST API | AVAILABLE | CATALOG 1.0");
        JsonPath router = GraphQLRequests.post("feature", Map.of("id", "http-router")).body("errors", nullValue())
                .extract().jsonPath();
        assertThat(router.getString("data.feature.parity")).isEqualTo("UNIQUE");
        assertThat(statuses(router, "data.feature.cells"))
                .isEqualTo("python=ABSENT typescript=AVAILABLE java=ABSENT dotnet=ABSENT");

        // gRPC is not a feature of its own: unlinked, it is listed instead, and its row goes
        long version = ((Number) admin("unlinkItem", Map.of("language", "typescript", "source", "DOCS",
                "itemKey", "docs/utilities/event_handler/grpc.md"), ADMIN).body("errors", nullValue())
                .extract().path("data.unlinkItem")).longValue();
        assertThat(version).isEqualTo(ServedMatrix.databaseVersion(pool)).isEqualTo(ServedMatrix.version());
        GraphQLRequests.post("feature", Map.of("id", "g-rpc")).body("errors", nullValue())
                .body("data.feature", nullValue());
        GraphQLRequests.post("suggestions", Map.of("language", "typescript")).body("errors", nullValue())
                .body("data.unlinkedItems[0].language", equalTo("typescript"))
                .body("data.unlinkedItems[0].source", equalTo("DOCS"))
                .body("data.unlinkedItems[0].key", equalTo("docs/utilities/event_handler/grpc.md"))
                .body("data.unlinkedItems[0].title", equalTo("gRPC"))
                .body("data.unlinkedItems[0].status", equalTo("AVAILABLE"))
                .body("data.unlinkedItems[0].reason", nullValue())
                .body("data.unlinkedItems.language", org.hamcrest.Matchers.everyItem(equalTo("typescript")));

        admin("renameFeature", Map.of("id", "logger", "name", "Structured logging", "description", "JSON logs."),
                ADMIN).body("errors", nullValue())
                .body("data.renameFeature.id", equalTo("logger"))
                .body("data.renameFeature.name", equalTo("Structured logging"))
                .body("data.renameFeature.group", equalTo("Core observability")) // omitted: kept
                .body("data.renameFeature.description", equalTo("JSON logs."));

        // the HTTP router is the REST/HTTP feature: its id goes, its names and items come along
        JsonPath merged = admin("mergeFeatures", Map.of("from", "http-router", "into", "event-handler-rest"), ADMIN)
                .body("errors", nullValue()).extract().jsonPath();
        assertThat(merged.getString("data.mergeFeatures.id")).isEqualTo("event-handler-rest");
        assertThat(merged.getString("data.mergeFeatures.parity")).isEqualTo("UNIVERSAL");
        assertThat(statuses(merged, "data.mergeFeatures.cells")).isEqualTo(ALL_SHIP);
        assertThat(aliases(merged, "data.mergeFeatures")).containsExactly("python=REST API",
                "typescript=HTTP router", "java=HTTP", "dotnet=REST API");
        assertThat(merged.getList("data.mergeFeatures.items.key")).containsExactly("docs/core/event_handler/rest.md",
                "docs/utilities/event_handler/http.md", "docs/core/event_handler/http.md",
                "docs/core/event_handler/rest.md");
        GraphQLRequests.post("feature", Map.of("id", "http-router")).body("errors", nullValue())
                .body("data.feature", nullValue());
        // the suggestion to put the HTTP router there is answered by the merge
        GraphQLRequests.post("suggestions").body("errors", nullValue())
                .body("data.alignmentSuggestions", hasSize(0));

        JsonPath matrix = GraphQLRequests.post("landing").body("errors", nullValue()).extract().jsonPath();
        List<String> curated = compact(matrix, "data.parityMatrix.rows");
        assertThat(curated).containsExactly(
                "logger | Structured logging | Core observability | UNIVERSAL | " + ALL_SHIP,
                "metrics | Metrics | Core observability | UNIVERSAL | " + ALL_SHIP,
                "tracer | Tracer | Core observability | UNIVERSAL | " + ALL_SHIP,
                "log-redaction | Log redaction | Core observability | NONE | "
                        + "python=IN_PROGRESS typescript=ABSENT java=ABSENT dotnet=IN_PROGRESS",
                "event-handler-rest | Event Handler: REST/HTTP API | Event handler | UNIVERSAL | " + ALL_SHIP,
                "queue-events | Queue events | Event handler | PARTIAL | "
                        + "python=AVAILABLE typescript=ABSENT java=AVAILABLE dotnet=AVAILABLE",
                "idempotency | Idempotency | Data | UNIVERSAL | "
                        + "python=AVAILABLE typescript=AVAILABLE java=PREVIEW dotnet=AVAILABLE",
                "batch | Batch Processing | Data | PARTIAL | "
                        + "python=AVAILABLE typescript=AVAILABLE java=PLANNED dotnet=AVAILABLE",
                "feature-flags | Feature Flags | Integrations | PARTIAL | "
                        + "python=PREVIEW typescript=ABSENT java=AVAILABLE dotnet=PREVIEW",
                // no group: its own, placed where the first feature without one comes (after the catalog's)
                "otel-bridge | OpenTelemetry bridge | null | NONE | "
                        + "python=ABSENT typescript=ABSENT java=ABSENT dotnet=ABSENT",
                "config-loading | Config loading | Features | PARTIAL | "
                        + "python=AVAILABLE typescript=NOT_PLANNED java=AVAILABLE dotnet=AVAILABLE",
                "retry | Retry | Utilities | PARTIAL | "
                        + "python=ABSENT typescript=DEPRECATED java=AVAILABLE dotnet=ABSENT");
        assertThat(coverage(matrix)).containsExactly("python 9/10 0.9", "typescript 7/10 0.7", "java 9/10 0.9",
                "dotnet 9/10 0.9");

        String yaml = GraphQLRequests.post("curation").body("errors", nullValue()).extract().path("data.curation");
        assertThat(yaml).isEqualTo("""
                features:
                - id: log-redaction
                  name: Log redaction
                  group: Core observability
                - id: logger
                  name: Structured logging
                  description: JSON logs.
                - id: otel-bridge
                  name: OpenTelemetry bridge
                  description: Logs to OpenTelemetry.
                links:
                - language: java
                  source: DOCS
                  item: docs/core/event_handler/http.md
                  feature: event-handler-rest
                - language: typescript
                  source: DOCS
                  item: docs/utilities/event_handler/grpc.md
                  feature: null
                merges:
                - from: http-router
                  into: event-handler-rest
                """);

        // importing nothing undoes it all; importing the export brings it all back
        long cleared = ((Number) admin("importCuration", Map.of("yaml", "features: []\n"), ADMIN)
                .body("errors", nullValue()).extract().path("data.importCuration")).longValue();
        assertThat(cleared).isEqualTo(ServedMatrix.databaseVersion(pool));
        GraphQLRequests.post("curation").body("data.curation", equalTo("features: []\n"));
        assertThat(compact(GraphQLRequests.post("landing").body("errors", nullValue()).extract().jsonPath(),
                "data.parityMatrix.rows")).containsExactlyElementsOf(MATRIX);

        admin("importCuration", Map.of("yaml", yaml), ADMIN).body("errors", nullValue())
                .body("data.importCuration", equalTo((int) ServedMatrix.databaseVersion(pool)));
        assertThat(compact(GraphQLRequests.post("landing").body("errors", nullValue()).extract().jsonPath(),
                "data.parityMatrix.rows")).containsExactlyElementsOf(curated);
        // and exports the same document again (kept in git, a round trip must not reorder it)
        GraphQLRequests.post("curation").body("data.curation", equalTo(yaml));
    }

    @Test
    void renamingAFeatureFoundInTheDocsKeepsItsItems() {
        sync();
        // "Queue events" comes from the docs; a maintainer files it under another group
        JsonPath renamed = admin("renameFeature", Map.of("id", "queue-events", "group", "Integrations"), ADMIN)
                .body("errors", nullValue()).extract().jsonPath();
        assertThat(renamed.getString("data.renameFeature.id")).isEqualTo("queue-events");
        assertThat(renamed.getString("data.renameFeature.name")).isEqualTo("Queue events"); // omitted: kept
        assertThat(renamed.getString("data.renameFeature.group")).isEqualTo("Integrations");

        JsonPath feature = GraphQLRequests.post("feature", Map.of("id", "queue-events")).body("errors", nullValue())
                .extract().jsonPath();
        assertThat(feature.getString("data.feature.parity")).isEqualTo("PARTIAL");
        assertThat(statuses(feature, "data.feature.cells"))
                .isEqualTo("python=AVAILABLE typescript=ABSENT java=AVAILABLE dotnet=AVAILABLE");
        assertThat(feature.getList("data.feature.items.key")).contains("docs/core/event_handler/queue.md");
        // still one row for it, not an empty renamed row next to a new "queue-events-2"
        List<String> ids = matrixIds(Map.of());
        assertThat(ids).contains("queue-events").doesNotContain("queue-events-2").hasSize(12);
    }

    @Test
    void linkingAPageToAFeatureFoundInAnotherLanguagesDocsMovesIt() {
        sync();
        // a maintainer decides Python's REST API page is the same feature as go's HTTP router and rust's HTTP
        JsonPath linked = admin("linkItem", Map.of("language", "python", "source", "DOCS",
                "itemKey", "docs/core/event_handler/rest.md", "featureId", "http-router"), ADMIN)
                .body("errors", nullValue()).extract().jsonPath();
        assertThat(linked.getString("data.linkItem.id")).isEqualTo("http-router");
        assertThat(statuses(linked, "data.linkItem.cells"))
                .isEqualTo("python=AVAILABLE typescript=AVAILABLE java=AVAILABLE dotnet=ABSENT");
        assertThat(items(linked, "data.linkItem.items"))
                .contains("python DOCS docs/core/event_handler/rest.md | REST API | AVAILABLE | CURATED 1.0");
        List<String> unlinked = GraphQLRequests.post("suggestions", Map.of("language", "python"))
                .body("errors", nullValue()).extract().path("data.unlinkedItems.key");
        assertThat(unlinked).doesNotContain("docs/core/event_handler/rest.md");
    }

    @Test
    void curationSurvivesAResync() {
        sync();
        admin("linkItem", Map.of("language", "java", "source", "DOCS", "itemKey", JAVA_HTTP_PAGE,
                "featureId", "event-handler-rest"), ADMIN).body("errors", nullValue());
        long linkedAt = ServedMatrix.version();

        // rust's HTTP page changes on GitHub, and the next sync stores it
        String page = GitHubTrees.read(GitHubTrees.RUST.resolve(JAVA_HTTP_PAGE));
        assertThat(page).contains("title: HTTP\n");
        GitHubTrees.serveFile(github, JAVA_REPO, "main", JAVA_HTTP_PAGE,
                page.replace("title: HTTP\n", "title: HTTP routing\n"));
        sync().body("data.triggerSync.outcome", equalTo("SUCCEEDED"));
        assertThat(ServedMatrix.version()).isGreaterThan(linkedAt);

        JsonPath feature = GraphQLRequests.post("feature", Map.of("id", "event-handler-rest"))
                .body("errors", nullValue()).extract().jsonPath();
        assertThat(statuses(feature, "data.feature.cells"))
                .isEqualTo("python=AVAILABLE typescript=ABSENT java=AVAILABLE dotnet=AVAILABLE");
        assertThat(items(feature, "data.feature.items")).containsExactly(
                "python DOCS docs/core/event_handler/rest.md | REST API | AVAILABLE | CATALOG 1.0",
                "java DOCS docs/core/event_handler/http.md | HTTP routing | AVAILABLE | CURATED 1.0",
                "dotnet DOCS docs/core/event_handler/rest.md | REST API | AVAILABLE | CATALOG 1.0");
        JsonPath router = GraphQLRequests.post("feature", Map.of("id", "http-router")).body("errors", nullValue())
                .extract().jsonPath();
        assertThat(statuses(router, "data.feature.cells"))
                .isEqualTo("python=ABSENT typescript=AVAILABLE java=ABSENT dotnet=ABSENT");
        GraphQLRequests.post("curation").body("data.curation", equalTo("""
                features: []
                links:
                - language: java
                  source: DOCS
                  item: docs/core/event_handler/http.md
                  feature: event-handler-rest
                """));
    }

    @Test
    void badCurationInputIsABadArgumentThatChangesNothing() {
        sync();
        long version = ServedMatrix.version();
        badArgument("linkItem", Map.of("language", "java", "source", "DOCS", "itemKey", JAVA_HTTP_PAGE,
                "featureId", "nope"), "no feature 'nope'");
        badArgument("linkItem", Map.of("language", "java", "source", "DOCS", "itemKey", "docs/nope.md",
                "featureId", "logger"),
                "no present item java:docs:docs/nope.md (see unlinkedItems or feature(id:).items)");
        badArgument("unlinkItem", Map.of("language", "java", "source", "BOARD", "itemKey", "board/nope"),
                "no present item java:board:board/nope (see unlinkedItems or feature(id:).items)");
        badArgument("mergeFeatures", Map.of("from", "nope", "into", "logger"), "no feature 'nope'");
        badArgument("mergeFeatures", Map.of("from", "logger", "into", "nope"), "no feature 'nope'");
        badArgument("mergeFeatures", Map.of("from", "logger", "into", "logger"),
                "a feature cannot be merged into itself");
        badArgument("renameFeature", Map.of("id", "nope", "name", "Nope"), "no feature 'nope'");
        badArgument("createFeature", Map.of("name", "Logger"),
                "a feature 'logger' exists already; rename it instead");
        badArgument("createFeature", Map.of("id", "Bad Id", "name", "Bad"),
                "a feature id is lowercase letters, digits and hyphens: 'Bad Id'");
        badArgument("importCuration", Map.of("yaml", "features: [\n  - id: x\n bad"),
                "not valid YAML at line 2, column 3: expected the node content, but found '-'");
        badArgument("importCuration", Map.of("yaml", "features:\n- id: Bad Id\n"),
                "features[0].id: 'Bad Id' must be lowercase letters, digits and hyphens (at most 128)");

        GraphQLRequests.post("curation").body("data.curation", equalTo("features: []\n"));
        assertThat(ServedMatrix.databaseVersion(pool)).isEqualTo(version);
        assertThat(compact(GraphQLRequests.post("landing").extract().jsonPath(), "data.parityMatrix.rows"))
                .containsExactlyElementsOf(MATRIX);
    }

    // ------------------------------------------------------------------ 7. cached responses

    @Test
    void aRepeatedPostIsAnsweredWithTheSameBytesButNeverAStaleVersion() {
        sync();
        byte[] first = GraphQLRequests.post("landing").extract().asByteArray();
        byte[] second = GraphQLRequests.post("landing").extract().asByteArray();
        assertThat(second).isEqualTo(first);
        long before = JsonPath.from(new String(first, StandardCharsets.UTF_8)).getLong("data.parityMatrix.dataVersion");
        assertThat(before).isEqualTo(ServedMatrix.databaseVersion(pool));

        changeRustHttpPageAndSync();

        String after = GraphQLRequests.post("landing").body("errors", nullValue()).extract().asString();
        JsonPath json = JsonPath.from(after);
        assertThat(json.getLong("data.parityMatrix.dataVersion")).isEqualTo(ServedMatrix.databaseVersion(pool)).isGreaterThan(before);
        assertThat(json.getList("data.parityMatrix.rows.feature.aliases.name").toString()).contains("HTTP routing");
        assertThat(GraphQLRequests.post("landing").extract().asString()).isEqualTo(after);
    }

    @Test
    void knownQueriesAreServedByGetWithETags() throws IOException {
        sync();
        ExtractableResponse<Response> landing = given().when().get("/api/queries/landing")
                .then().statusCode(200).contentType(ContentType.JSON)
                .header("Cache-Control", "no-cache")
                .body("errors", nullValue())
                .body("data.parityMatrix.rows.feature.id", equalTo(ALL_IDS))
                .body("data.parityMatrix.dataVersion", equalTo((int) ServedMatrix.databaseVersion(pool)))
                .extract();
        String etag = landing.header("ETag");
        assertThat(etag).isNotBlank().startsWith("\"" + ServedMatrix.databaseVersion(pool) + "-");

        given().header("If-None-Match", etag).when().get("/api/queries/landing")
                .then().statusCode(304).header("ETag", etag);
        assertThat(given().header("If-None-Match", etag).when().get("/api/queries/landing").asByteArray()).isEmpty();

        // the same query by the SHA-256 of its text
        String text = resource("/queries/landing.graphql");
        given().when().get("/api/queries/" + org.apache.commons.codec.digest.DigestUtils.sha256Hex(text)).then().statusCode(200).header("ETag", etag);

        // variables filter, with an ETag of their own
        String universal = given().queryParam("variables", "{\"query\":\"parity:universal\"}")
                .when().get("/api/queries/landing")
                .then().statusCode(200)
                .body("errors", nullValue())
                .body("data.parityMatrix.query", equalTo("parity:universal"))
                .body("data.parityMatrix.rows.feature.id", equalTo(List.of("logger", "metrics", "tracer",
                        "idempotency")))
                .extract().header("ETag");
        assertThat(universal).isNotEqualTo(etag);

        given().queryParam("variables", "{\"id\":\"retry\"}").when().get("/api/queries/feature")
                .then().statusCode(200).body("errors", nullValue()).body("data.feature.id", equalTo("retry"));

        // after a data change the old validator no longer matches
        changeRustHttpPageAndSync();
        String fresh = given().header("If-None-Match", etag).when().get("/api/queries/landing")
                .then().statusCode(200)
                .body("data.parityMatrix.dataVersion", equalTo((int) ServedMatrix.databaseVersion(pool)))
                .extract().header("ETag");
        assertThat(fresh).isNotEqualTo(etag).startsWith("\"" + ServedMatrix.databaseVersion(pool) + "-");

        given().when().get("/api/queries/nope")
                .then().statusCode(404).contentType(ContentType.JSON)
                .body("message", equalTo("no known query 'nope'; known: landing, feature, suggestions, "
                        + "language, activity (or the SHA-256 of their text)"));
        given().queryParam("variables", "notjson").when().get("/api/queries/landing")
                .then().statusCode(400).contentType(ContentType.JSON)
                .body("message", org.hamcrest.Matchers.startsWith("variables must be a JSON object"));
    }

    @Test
    void mutationsAreNeverCached() {
        String first = admin("triggerSync", Map.of(), ADMIN).body("errors", nullValue())
                .body("data.triggerSync.outcome", equalTo("SUCCEEDED")).extract().path("data.triggerSync.id");
        String second = admin("triggerSync", Map.of(), ADMIN).body("errors", nullValue())
                .body("data.triggerSync.outcome", equalTo("SUCCEEDED")).extract().path("data.triggerSync.id");
        assertThat(second).isNotEqualTo(first);
        assertThat(Database.count(pool, "SELECT count(*) FROM sync_run")).isEqualTo(2);
        GraphQLRequests.post("syncRuns", Map.of("last", 5)).body("errors", nullValue())
                .body("data.syncRuns", hasSize(2));
    }

    // ------------------------------------------------------------------ helpers

    /** A full sync with the admin token, then the matrix rebuilt from what it stored. */
    private ValidatableResponse sync() {
        long before = ServedMatrix.version();
        ValidatableResponse response = admin("triggerSync", Map.of(), ADMIN).body("errors", nullValue());
        long stored = ServedMatrix.databaseVersion(pool);
        assertThat(stored).as("data version after the sync").isGreaterThan(before);
        ServedMatrix.awaitAt(stored);
        return response;
    }

    /** Retitles rust's HTTP page ("HTTP" → "HTTP routing") on GitHub and syncs it in: a data change. */
    private void changeRustHttpPageAndSync() {
        String page = GitHubTrees.read(GitHubTrees.RUST.resolve(JAVA_HTTP_PAGE));
        GitHubTrees.serveFile(github, JAVA_REPO, "main", JAVA_HTTP_PAGE,
                page.replace("title: HTTP\n", "title: HTTP routing\n"));
        sync();
    }

    private static ValidatableResponse admin(String document, Map<String, ?> variables, String token) {
        var request = given().contentType(ContentType.JSON)
                .body(Map.of("query", GraphQLRequests.document(document), "variables", variables));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        return request.when().post("/graphql").then().log().ifValidationFails().statusCode(200);
    }

    private static void badArgument(String document, Map<String, ?> variables, String message) {
        admin(document, variables, ADMIN)
                .body("errors", hasSize(1))
                .body("errors[0].extensions.code", equalTo("BAD_ARGUMENT"))
                .body("errors[0].message", equalTo(message));
    }

    private static List<String> matrixIds(Map<String, ?> variables) {
        return GraphQLRequests.post("landing", variables).body("errors", nullValue()).extract()
                .path("data.parityMatrix.rows.feature.id");
    }

    /** Each row as {@code id | name | group | parity | language=STATUS ...}. */
    private static List<String> compact(JsonPath json, String rowsPath) {
        List<Map<String, Object>> rows = json.getList(rowsPath);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Map<String, Object> feature = json.getMap(rowsPath + "[" + i + "].feature");
            out.add(feature.get("id") + " | " + feature.get("name") + " | " + feature.get("group") + " | "
                    + rows.get(i).get("parity") + " | " + statuses(json, rowsPath + "[" + i + "].cells"));
        }
        return out;
    }

    private static String statuses(JsonPath json, String cellsPath) {
        List<Map<String, Object>> cells = json.getList(cellsPath);
        return cells.stream().map(c -> ((Map<?, ?>) c.get("language")).get("id") + "=" + c.get("status"))
                .collect(Collectors.joining(" "));
    }

    private static List<String> coverage(JsonPath json) {
        List<Map<String, Object>> languages = json.getList("data.parityMatrix.languages");
        return languages.stream().map(l -> ((Map<?, ?>) l.get("language")).get("id") + " " + l.get("shipped") + "/"
                + l.get("total") + " " + l.get("coverage")).toList();
    }

    private static List<String> aliases(JsonPath json, String featurePath) {
        List<Map<String, Object>> aliases = json.getList(featurePath + ".aliases");
        return aliases.stream().map(a -> ((Map<?, ?>) a.get("language")).get("id") + "=" + a.get("name")).toList();
    }

    /** Each linked item as {@code language SOURCE key | title | status | REASON confidence [supporting]}. */
    private static List<String> items(JsonPath json, String itemsPath) {
        List<Map<String, Object>> items = json.getList(itemsPath);
        return items.stream().map(i -> i.get("language") + " " + i.get("source") + " " + i.get("key") + " | "
                + i.get("title") + " | " + i.get("status") + " | " + i.get("reason") + " " + i.get("confidence")
                + (Boolean.TRUE.equals(i.get("supporting")) ? " supporting" : "")).toList();
    }

    private static String resource(String path) throws IOException {
        try (InputStream in = ParityGraphQLTests.class.getResourceAsStream(path)) {
            assertThat(in).as(path).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
