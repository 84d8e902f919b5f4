package dev.crossroads.testing;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * WireMock on a dynamic port standing in for both GitHub hosts (raw files and API), with retry timings shortened
 * so fault tests run in seconds, and the admin credentials: a static token and a JWT provider ({@link TestJwts}).
 * A test that slows every answer down on purpose gives its requests more time with the init argument
 * {@value #REQUEST_TIMEOUT} (an ISO-8601 duration; one second by default).
 */
public class GitHubWireMockResource implements QuarkusTestResourceLifecycleManager {

    public static final String ADMIN_TOKEN = "test-admin-token";
    public static final String GITHUB_TOKEN = "test-github-token";
    public static final String WEBHOOK_SECRET = "test-webhook-secret";

    public static final String REQUEST_TIMEOUT = "request-timeout";

    private WireMockServer server;
    private String requestTimeout = "PT1S";

    @Override
    public void init(Map<String, String> initArgs) {
        requestTimeout = initArgs.getOrDefault(REQUEST_TIMEOUT, requestTimeout);
    }

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        Map<String, String> config = new HashMap<>(Map.of(
                "crossroads.github.raw-url", server.baseUrl() + "/raw",
                "crossroads.github.api-url", server.baseUrl() + "/api",
                "crossroads.sync.request-timeout", requestTimeout,
                "crossroads.sync.max-attempts", "3",
                "crossroads.sync.backoff", "PT0.05S",
                "crossroads.sync.max-retry-after", "PT2S",
                // the admin credentials of this test environment: the static token, and JWTs of a test provider
                "crossroads.admin.token", ADMIN_TOKEN,
                "crossroads.github.token", GITHUB_TOKEN,
                "crossroads.github.webhook-secret", WEBHOOK_SECRET));
        config.putAll(TestJwts.serviceConfig());
        return config;
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(server, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class,
                WireMockServer.class));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
