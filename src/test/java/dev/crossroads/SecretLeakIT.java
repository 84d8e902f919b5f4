package dev.crossroads;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import dev.crossroads.testing.GitHubBoards;
import dev.crossroads.testing.GitHubTrees;
import dev.crossroads.testing.PackagedService;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.codec.digest.HmacAlgorithms;
import org.apache.commons.codec.digest.HmacUtils;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged service runs with known, distinctive secrets (GitHub token, admin token, webhook secret, and the
 * password it generates for its embedded database) against a GitHub stand-in that fails every way it can, some
 * answers echoing the token back; then every endpoint is called, failures included, and everything the service
 * said (its whole log, every answer's status line, headers and body, the metrics) is searched for the secrets.
 */
class SecretLeakIT {

    private static final String GITHUB_TOKEN = "ghp_" + "LeakCanary0GitHub0Token0000000000001";
    private static final String ADMIN_TOKEN = "admin-LeakCanary-5c2e91d7b3";
    private static final String WEBHOOK_SECRET = "webhook-LeakCanary-a84f60e2";
    private static final String PUSH = """
            {"ref": "refs/heads/develop",
             "repository": {"full_name": "aws-powertools/powertools-lambda-python"},
             "commits": [{"added": [], "removed": [], "modified": ["docs/roadmap.md"]}]}
            """;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @TempDir
    Path dir;

    private final WireMockServer github = new WireMockServer(wireMockConfig().dynamicPort().globalTemplating(true));
    private final WireMockServer elsewhere = new WireMockServer(wireMockConfig().dynamicPort());
    private PackagedService service;
    /** Every answer as the client saw it. */
    private final List<String> answers = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        if (service != null && service.process().isAlive()) {
            service.terminateAndAwait(Duration.ofSeconds(20));
        }
        github.stop();
        elsewhere.stop();
    }

    @Test
    void noSecretReachesTheLogAnyAnswerOrTheMetrics() throws Exception {
        hostileGitHub();
        Path dataDir = dir.resolve("pg");
        service = PackagedService.start(dir, Map.of(
                "crossroads.db.data-dir", dataDir.toString(),
                "crossroads.github.raw-url", github.baseUrl() + "/raw",
                "crossroads.github.api-url", github.baseUrl() + "/api",
                "crossroads.sync.request-timeout", "PT2S",
                "crossroads.sync.max-attempts", "2",
                "crossroads.sync.backoff", "PT0.05S",
                // every log line of ours, debug included
                "quarkus.log.category.\"dev.crossroads\".level", "DEBUG"),
                Map.of("GITHUB_TOKEN", GITHUB_TOKEN, "CROSSROADS_ADMIN_TOKEN", ADMIN_TOKEN,
                        "CROSSROADS_GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET));
        service.awaitReady(Duration.ofSeconds(90));
        String databasePassword = Files.readString(dataDir.resolve("crossroads-password")).strip();
        awaitNoRunningSync();

        exerciseEveryEndpoint();
        awaitNoRunningSync();
        String metrics = call("GET", "/q/metrics", Map.of(), null);

        service.terminateAndAwait(Duration.ofSeconds(20));
        String log = service.output();
        Map<String, String> secrets = new LinkedHashMap<>();
        secrets.put("GitHub token", GITHUB_TOKEN);
        secrets.put("admin token", ADMIN_TOKEN);
        secrets.put("webhook secret", WEBHOOK_SECRET);
        secrets.put("database password", databasePassword);
        Map<String, String> captured = Map.of("the log", log, "the answers", String.join("\n", answers),
                "the metrics", metrics);
        captured.forEach((where, text) -> secrets.forEach((what, secret) -> assertThat(text)
                .as("the %s in %s", what, where).doesNotContain(secret)));

        // and the hostile answers were really given, so the scan had something to find: the token went to the API
        // host, its echo came back redacted, the redirect was refused, both syncs and the webhook ran
        github.verify(postRequestedFor(urlEqualTo(GitHubBoards.GRAPHQL))
                .withHeader("Authorization", equalTo("Bearer " + GITHUB_TOKEN)));
        assertThat(String.join("\n", answers)).contains("[redacted]").contains("Bad credentials")
                .contains("\"triggerSync\":{\"id\"").contains("\"queued\"");
        assertThat(elsewhere.getAllServeEvents()).as("requests that followed the redirect to another host").isEmpty();
        assertThat(log).contains("Bad credentials").contains("redirect to another host").contains("(STARTUP)");
        assertThat(metrics).contains("http_server_requests");
    }

    /** Files and boards as the four Powertools repositories, failing every way but one. */
    private void hostileGitHub() {
        github.start();
        elsewhere.start();
        elsewhere.stubFor(any(anyUrl()).willReturn(aResponse().withStatus(200).withBody("{}")));
        GitHubTrees.servePowertools(github);
        // python: 401 echoing the credentials it was sent, as a careless proxy would
        answerBoard(3, aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Bad credentials: {{request.headers.Authorization}}\"}"));
        // typescript: a 200 whose GraphQL errors quote the token
        answerBoard(7, aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                .withBody("{\"data\":null,\"errors\":[{\"type\":\"FORBIDDEN\",\"message\":\"Bad credentials for "
                        + "token {{request.headers.Authorization}}\"}]}"));
        // java: a redirect to another host, which must not be followed with the token
        answerBoard(4, aResponse().withStatus(307).withHeader("Location", elsewhere.baseUrl() + "/graphql"));
        // .NET: 500s until the retries give up
        answerBoard(6, aResponse().withStatus(500).withBody("internal error"));
        // a file: 401 from the raw host
        github.stubFor(get(urlEqualTo(GitHubTrees.rawPath("aws-powertools/powertools-lambda-dotnet", "develop",
                "docs/roadmap.md"))).atPriority(1).willReturn(aResponse().withStatus(401).withBody("Bad credentials")));
    }

    private void answerBoard(int number, ResponseDefinitionBuilder answer) {
        github.stubFor(post(urlEqualTo(GitHubBoards.GRAPHQL)).atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.number", equalTo(String.valueOf(number))))
                .willReturn(answer));
    }

    private void exerciseEveryEndpoint() throws Exception {
        Map<String, String> json = Map.of("Content-Type", "application/json");
        // reads, the sync's own reports among them
        for (String query : List.of("{ sources { language kind lastSuccessAt latest { status message httpStatus } } }",
                "{ syncRuns(last: 10) { id outcome results { language kind status message } } }",
                "{ changes(first: 100) { edges { node { kind title } } } }", "{ curation }",
                "{ languages { id name repository } }", "{ roadmap(language: \\\"python\\\") { items { title } } }",
                "{ boardItems(language: \\\"dotnet\\\") { totalCount } }",
                "{ parityMatrix { rows { feature { id } cells { status evidence { url } } } } }",
                "{ __schema { types { name } } }")) {
            call("POST", "/graphql", json, "{\"query\":\"" + query + "\"}");
        }
        // client errors
        for (String query : List.of("{ languages { id ", "{ changes(first: 500) { edges { cursor } } }",
                "{ roadmap(language: \\\"cobol\\\") { items { title } } }", "{ nope }",
                "{ parityMatrix(query: \\\"status:(\\\") { rows { feature { id } } } }")) {
            call("POST", "/graphql", json, "{\"query\":\"" + query + "\"}");
        }
        call("POST", "/graphql", Map.of("Content-Type", "text/plain"), "{\"query\":\"{ languages { id } }\"}");
        call("POST", "/graphql", json, "{\"query\": 42, \"variables\": \"x\"}");
        // writes: refused with credentials that are near misses of the real ones, then done with the real one
        String sync = "{\"query\":\"mutation { triggerSync { id outcome results { language kind status message } } }\"}";
        for (String authorization : List.of("Bearer " + ADMIN_TOKEN + "x", "Bearer " + GITHUB_TOKEN,
                "Basic " + Base64.getEncoder().encodeToString(("admin:" + ADMIN_TOKEN).getBytes(StandardCharsets.UTF_8)),
                "Bearer " + ADMIN_TOKEN.substring(0, 10), "Bearer a.b.c")) {
            call("POST", "/graphql", with(json, "Authorization", authorization), sync);
        }
        call("POST", "/graphql", json, sync);
        call("POST", "/graphql", with(json, "Authorization", "Bearer " + ADMIN_TOKEN), sync);
        call("POST", "/graphql", with(json, "Authorization", "Bearer " + ADMIN_TOKEN),
                "{\"query\":\"mutation { importCuration(yaml: \\\"features: [\\\") }\"}");
        // webhooks: unsigned, badly signed, signed with a near miss, signed
        Map<String, String> push = Map.of("Content-Type", "application/json", "X-GitHub-Event", "push",
                "X-GitHub-Delivery", "delivery-1");
        call("POST", "/api/webhooks/github", push, PUSH);
        call("POST", "/api/webhooks/github", with(push, "X-Hub-Signature-256", "sha256=" + "0".repeat(64)), PUSH);
        call("POST", "/api/webhooks/github", with(push, "X-Hub-Signature-256", sign(WEBHOOK_SECRET + "x")), PUSH);
        call("POST", "/api/webhooks/github", with(push, "X-Hub-Signature-256", sign(WEBHOOK_SECRET)), PUSH);
        // the rest of what the service serves
        for (String path : List.of("/q/health", "/q/health/ready", "/q/health/live", "/graphql/schema.graphql",
                "/api/queries/landing", "/api/queries/nope", "/api/queries/feature?variables=nope", "/q/graphql-ui/",
                "/no/such/page", "/q/metrics")) {
            call("GET", path, Map.of(), null);
        }
        call("POST", "/api/parse/roadmap", Map.of("Content-Type", "text/markdown; charset=utf-8"), "# Roadmap\n");
        call("POST", "/api/parse/roadmap", Map.of("Content-Type", "application/pdf"), "%PDF");
    }

    /** Until a sync has run and none runs now (the start-up sync, a webhook's). */
    private void awaitNoRunningSync() throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (System.nanoTime() < deadline) {
            String runs = service.graphql("{ syncRuns(last: 1) { outcome } }", null);
            if (runs.contains("outcome") && !runs.contains("RUNNING")) {
                return;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("a sync still runs after 60 s; log:\n" + service.output());
    }

    /** Sends a request and keeps what came back, status line and headers included; returns the body. */
    private String call(String method, String path, Map<String, String> headers, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + service.port() + path))
                .timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        headers.forEach(request::header);
        HttpResponse<String> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        answers.add(method + " " + path + " -> " + response.statusCode() + " " + response.headers().map() + "\n"
                + response.body());
        return response.body();
    }

    private static Map<String, String> with(Map<String, String> headers, String name, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(name, value);
        return more;
    }

    private static String sign(String secret) {
        return "sha256=" + new HmacUtils(HmacAlgorithms.HMAC_SHA_256, secret).hmacHex(PUSH);
    }
}
