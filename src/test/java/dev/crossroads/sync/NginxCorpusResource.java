package dev.crossroads.sync;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.crossroads.testing.GitHubWireMockResource;
import dev.crossroads.testing.InjectWireMock;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * For {@link SyncBenchmark}: nginx serving the four corpus trees ({@code ../shared/corpus/trees}) as GitHub's raw
 * file host ({@code /raw/<owner>/<repo>/<branch>/<path>}, gzip, ETag and Last-Modified as raw.githubusercontent.com
 * sends them), with its access log, and WireMock for the API host (boards).
 */
public class NginxCorpusResource implements QuarkusTestResourceLifecycleManager {

    static final String[][] TREES = {
        {"aws-powertools/powertools-lambda-python", "develop", "python-2023-07-13-8625ccb4"},
        {"aws-powertools/powertools-lambda-typescript", "main", "typescript-2023-12-20-e9eb7f74"},
        {"aws-powertools/powertools-lambda-java", "main", "java-2023-12-08-8fee25b4"},
        {"aws-powertools/powertools-lambda-dotnet", "develop", "dotnet-2024-08-26-80889376"}};
    /** Where the running nginx keeps its access log, for the benchmark to list what the sync fetched. */
    static Path accessLog;
    static String rawUrl;

    private Path dir;
    private WireMockServer api;

    @Override
    public Map<String, String> start() {
        try {
            dir = Files.createTempDirectory("crossroads-nginx");
            for (String[] tree : TREES) {
                Path branch = dir.resolve("www/raw").resolve(tree[0]).resolve(tree[1]);
                Files.createDirectories(branch.getParent());
                Files.createSymbolicLink(branch, Path.of("../shared/corpus/trees", tree[2]).toAbsolutePath());
            }
            int port = freePort();
            accessLog = dir.resolve("access.log");
            Files.writeString(dir.resolve("nginx.conf"), """
                    user root;
                    worker_processes 1;
                    pid %1$s/nginx.pid;
                    error_log %1$s/error.log;
                    events { worker_connections 256; }
                    http {
                      access_log %1$s/access.log;
                      sendfile on;
                      keepalive_requests 100000;
                      types { text/plain md yml yaml; }
                      default_type text/plain;
                      charset utf-8;
                      gzip on;
                      gzip_types text/plain;
                      gzip_min_length 256;
                      server { listen 127.0.0.1:%2$d; root %1$s/www; }
                    }
                    """.formatted(dir, port));
            run("nginx", "-c", dir.resolve("nginx.conf").toString());
            rawUrl = "http://127.0.0.1:" + port + "/raw";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        api = new WireMockServer(wireMockConfig().dynamicPort());
        api.start();
        return Map.of(
                "crossroads.github.raw-url", rawUrl,
                "crossroads.github.api-url", api.baseUrl() + "/api",
                "crossroads.github.token", GitHubWireMockResource.GITHUB_TOKEN,
                // measured as shipped: our categories at INFO, not the test profile's DEBUG
                "quarkus.log.category.\"dev.crossroads\".level", "INFO");
    }

    @Override
    public void inject(TestInjector injector) {
        injector.injectIntoFields(api, new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class,
                WireMockServer.class));
    }

    @Override
    public void stop() {
        if (api != null) {
            api.stop();
        }
        if (dir != null) {
            run("nginx", "-c", dir.resolve("nginx.conf").toString(), "-s", "stop");
            removeOnceStopped(dir);
        }
    }

    /** nginx stops after the signal returns: its folder (config, logs, the served tree) goes once its pid file has. */
    private static void removeOnceStopped(Path dir) {
        try {
            for (int i = 0; i < 50 && Files.exists(dir.resolve("nginx.pid")); i++) {
                Thread.sleep(100);
            }
            org.apache.commons.io.file.PathUtils.deleteDirectory(dir);
        } catch (IOException e) {
            System.err.println("Could not delete nginx's test folder " + dir + ": " + e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void run(String... command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO().start();
            if (process.waitFor() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
