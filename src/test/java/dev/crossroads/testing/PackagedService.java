package dev.crossroads.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The packaged service run as an operator runs it ({@code java -jar}), its output kept in a file for assertions. */
public record PackagedService(Process process, int port, Path logFile) {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /**
     * GitHub's hosts for a test that names no stand-in of its own: a local port nothing listens on (discard), so a
     * forgotten stand-in makes the sync fail here instead of reaching the network.
     */
    private static final String NO_GITHUB = "http://127.0.0.1:9";

    /**
     * Starts the jar with {@code -D} properties and an environment free of the caller's datasource settings and
     * GitHub token. Unless the properties point them elsewhere, GitHub's raw and API hosts are {@link #NO_GITHUB}.
     */
    public static PackagedService start(Path logDir, Map<String, String> properties) throws IOException {
        return start(logDir, properties, Map.of());
    }

    /** As {@link #start(Path, Map)}, with these environment variables set. */
    public static PackagedService start(Path logDir, Map<String, String> properties, Map<String, String> env)
            throws IOException {
        int[] ports = twoFreePorts();
        int httpPort = ports[0];
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Dquarkus.http.port=" + httpPort));
        // the embedded server's port is chosen here too: left to pick its own free port at start, it once took the
        // HTTP port chosen above (free until Quarkus binds it), and the service could not start
        Map<String, String> withGitHub = new java.util.LinkedHashMap<>(Map.of(
                "crossroads.github.raw-url", NO_GITHUB, "crossroads.github.api-url", NO_GITHUB,
                "crossroads.db.port", String.valueOf(ports[1])));
        withGitHub.putAll(properties);
        withGitHub.forEach((k, v) -> command.add("-D" + k + "=" + v));
        command.addAll(List.of("-jar", JAR.toString()));
        Path log = Files.createTempFile(logDir, "service", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().keySet().removeIf(k -> k.startsWith("QUARKUS_DATASOURCE") || k.startsWith("CROSSROADS_")
                || k.equals("GITHUB_TOKEN"));
        builder.environment().putAll(env);
        return new PackagedService(builder.start(), httpPort, log);
    }

    public void awaitReady(Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            assertThat(process.isAlive()).as("service still running; log:%n%s", output()).isTrue();
            try {
                HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new AssertionError("not ready within " + timeout + "; log:\n" + output());
    }

    /** Posts a GraphQL document, with {@code Authorization: Bearer <adminToken>} when one is given. */
    public String graphql(String query, String adminToken) throws Exception {
        String body = "{\"query\":\"" + query.replace("\"", "\\\"") + "\"}";
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/graphql"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        if (adminToken != null) {
            request.header("Authorization", "Bearer " + adminToken);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    /** GETs a path of the service (such as {@code /api/queries/landing}), the body as bytes. */
    public HttpResponse<byte[]> get(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@link Process#destroy()} sends SIGTERM, as Kubernetes does. */
    public void terminateAndAwait(Duration timeout) throws Exception {
        process.destroy();
        assertThat(process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS))
                .as("exited within %s after SIGTERM", timeout).isTrue();
    }

    public String output() throws IOException {
        return Files.readString(logFile);
    }

    /** Two different free ports, both held open while chosen. */
    private static int[] twoFreePorts() throws IOException {
        try (ServerSocket first = new ServerSocket(0); ServerSocket second = new ServerSocket(0)) {
            return new int[] {first.getLocalPort(), second.getLocalPort()};
        }
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
