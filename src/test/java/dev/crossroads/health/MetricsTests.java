package dev.crossroads.health;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.sync.SyncRequest;
import dev.crossroads.sync.SyncRun;
import dev.crossroads.sync.SyncService;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.GraphQLRequests;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Prometheus sees what the service did: a sync against the WireMock GitHub and a few GraphQL requests (answered by
 * the engine, from cached bytes, and refused by limits) show up in {@code /q/metrics} with the values they must have.
 */
@QuarkusTest
@WithTestResource(value = GitHubWireMockResource.class, scope = TestResourceScope.MATCHING_RESOURCES)
class MetricsTests {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{(.*)})? (\\S+)$");
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    @InjectWireMock
    WireMockServer github;

    @Inject
    SyncService sync;

    @Inject
    Pool pool;

    @Test
    void aSyncAndAFewRequestsShowInTheMetrics() throws Throwable {
        GitHubTrees.resetAll(github, pool);
        Map<String, Double> before = scrape();

        SyncRun run = VertxContextSupport.subscribeAndAwait(() -> sync.run(
                SyncRequest.everything(SyncRun.Trigger.MANUAL)));
        assertThat(run.outcome).isEqualTo(SyncRun.Outcome.SUCCEEDED);
        long version = Database.count(pool, "SELECT version FROM data_version");
        Map<String, Double> synced = awaitMetrics(m -> value(m, "crossroads_matrix_data_version") == version
                && value(m, "crossroads_source_snapshot_age_seconds", "language", "python", "source", "roadmap") >= 0);

        // each source read once, its outcome and duration
        assertThat(delta(before, synced, "crossroads_sync_source_seconds_count",
                "language", "python", "source", "roadmap", "outcome", "fetched")).isEqualTo(1);
        assertThat(delta(before, synced, "crossroads_sync_runs_seconds_count", "trigger", "manual",
                "outcome", "succeeded")).isEqualTo(1);
        assertThat(value(synced, "crossroads_source_items", "language", "python", "source", "board")).isEqualTo(5);
        assertThat(value(synced, "crossroads_source_items", "language", "go", "source", "roadmap")).isPositive();
        assertThat(value(synced, "crossroads_source_snapshot_age_seconds", "language", "python", "source", "docs"))
                .isBetween(0.0, 60.0);
        assertThat(value(synced, "crossroads_github_rate_limit_remaining", "api", "graphql")).isEqualTo(4000);
        assertThat(value(synced, "crossroads_github_reachable", "host", "raw")).isEqualTo(1);
        assertThat(value(synced, "crossroads_github_reachable", "host", "api")).isEqualTo(1);
        assertThat(delta(before, synced, "crossroads_matrix_rebuild_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(synced, "crossroads_matrix_features")).isPositive();

        // GraphQL by operation name: the engine's answer, then cached bytes; the GET form; three refusals
        GraphQLRequests.post("languages");
        GraphQLRequests.post("languages");
        GraphQLRequests.post("languages");
        given().get("/api/queries/landing").then().statusCode(200);
        given().get("/api/queries/landing").then().statusCode(200);
        // the shape is all that is measured: 15 levels of selections is over the depth limit (12)
        given().contentType(ContentType.JSON).body(Map.of("query", "{ languages " + "{ __typename ".repeat(14)
                + "}".repeat(14) + " }")).post("/graphql").then().statusCode(400);
        given().contentType("text/plain").body("{\"query\":\"{ languages { id } }\"}").post("/graphql")
                .then().statusCode(415);
        given().contentType(ContentType.JSON).body(Map.of("query",
                "query Twice { a: parseRoadmap(markdown: \"# A\") { title }"
                        + " b: parseRoadmap(markdown: \"# B\") { title } }"))
                .post("/graphql").then().statusCode(200);
        Map<String, Double> after = scrape();

        assertThat(delta(synced, after, "crossroads_graphql_requests_seconds_count",
                "operation", "Languages", "cached", "false", "status", "200")
                + delta(synced, after, "crossroads_graphql_requests_seconds_count",
                "operation", "Languages", "cached", "true", "status", "200")).isEqualTo(3);
        assertThat(delta(synced, after, "crossroads_graphql_requests_seconds_count",
                "operation", "Languages", "cached", "true", "status", "200")).as("answered from cached bytes")
                .isGreaterThanOrEqualTo(1);
        assertThat(delta(synced, after, "crossroads_graphql_requests_seconds_count",
                "operation", "Landing", "cached", "true", "status", "200")).isEqualTo(2);
        assertThat(delta(synced, after, "crossroads_graphql_requests_seconds_count",
                "operation", "anonymous", "cached", "false", "status", "400")).isEqualTo(1);
        assertThat(delta(synced, after, "crossroads_graphql_requests_seconds_count",
                "operation", "Twice", "cached", "false", "status", "200")).isEqualTo(1);
        assertThat(value(after, "crossroads_graphql_requests_seconds_bucket", "operation", "Landing", "cached",
                "true", "status", "200", "le", "2.5")).as("latency buckets").isGreaterThanOrEqualTo(2);
        assertThat(delta(synced, after, "crossroads_requests_refused_total", "limit", "graphql_depth")).isEqualTo(1);
        assertThat(delta(synced, after, "crossroads_requests_refused_total", "limit", "media_type")).isEqualTo(1);
        assertThat(delta(synced, after, "crossroads_requests_refused_total", "limit", "previews_per_request"))
                .isEqualTo(1);
        for (String limit : new String[] {"body_size", "large_bodies", "graphql_root_fields", "graphql_fields",
            "graphql_tokens", "graphql_expensive_fields", "graphql_page_size", "parse_size", "parse_time",
            "parse_concurrency"}) {
            assertThat(value(after, "crossroads_requests_refused_total", "limit", limit)).as("%s's series", limit)
                    .isGreaterThanOrEqualTo(0);
        }
    }

    private interface Condition {
        boolean holds(Map<String, Double> metrics);
    }

    private static Map<String, Double> awaitMetrics(Condition condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        Map<String, Double> metrics = scrape();
        while (!condition.holds(metrics)) {
            assertThat(System.nanoTime()).as("metrics as expected within 10 s: %s", new TreeMap<>(metrics).entrySet()
                    .stream().filter(e -> e.getKey().startsWith("crossroads_")).toList()).isLessThan(deadline);
            Thread.sleep(50);
            metrics = scrape();
        }
        return metrics;
    }

    /** Every sample of {@code /q/metrics}, keyed by name and sorted labels: {@code name{a="1",b="2"}}. */
    private static Map<String, Double> scrape() {
        String text = given().get("/q/metrics").then().statusCode(200).extract().asString();
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            // OpenMetrics exemplars (the trace a counter last moved in) follow the value: " # {trace_id=...} 1.0"
            int exemplar = line.indexOf(" # ");
            Matcher sample = SAMPLE.matcher(exemplar < 0 ? line : line.substring(0, exemplar));
            if (line.startsWith("#") || !sample.matches()) {
                continue;
            }
            Map<String, String> labels = new TreeMap<>();
            if (sample.group(2) != null) {
                Matcher label = LABEL.matcher(sample.group(2));
                while (label.find()) {
                    labels.put(label.group(1), label.group(2));
                }
            }
            samples.put(key(sample.group(1), labels), Double.parseDouble(sample.group(3)));
        }
        return samples;
    }

    private static String key(String name, Map<String, String> labels) {
        StringBuilder key = new StringBuilder(name).append('{');
        labels.forEach((k, v) -> key.append(k).append("=\"").append(v).append("\","));
        return key.append('}').toString();
    }

    /** The sample with exactly these labels (name, value pairs); NaN when there is none. */
    private static double value(Map<String, Double> metrics, String name, String... labels) {
        Map<String, String> wanted = new TreeMap<>();
        for (int i = 0; i < labels.length; i += 2) {
            wanted.put(labels[i], labels[i + 1]);
        }
        return metrics.getOrDefault(key(name, wanted), Double.NaN);
    }

    /** How much a counter grew between two scrapes; a series absent before counts from zero. */
    private static double delta(Map<String, Double> before, Map<String, Double> after, String name,
            String... labels) {
        double then = value(before, name, labels);
        double now = value(after, name, labels);
        assertThat(now).as("%s%s present among %s", name, java.util.Arrays.toString(labels), after.keySet().stream()
                .filter(k -> k.startsWith(name + "{")).sorted().toList()).isNotNaN();
        return now - (Double.isNaN(then) ? 0 : then);
    }
}
