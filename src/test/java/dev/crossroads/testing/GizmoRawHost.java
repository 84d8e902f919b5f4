package dev.crossroads.testing;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The Gizmo example trees (or a copy) served as GitHub's raw file host ({@code /raw/<owner>/<repo>/<branch>/<path>}) for
 * packaged-service tests. While slow, each file takes 400 ms, so a sync lasts long enough to be interrupted.
 */
public final class GizmoRawHost implements AutoCloseable {

    private static final long SLOW_MILLIS = 400;

    private final HttpServer server;
    private final ExecutorService threads = Executors.newFixedThreadPool(8);
    private final AtomicBoolean slow = new AtomicBoolean(true);
    private final AtomicInteger requests = new AtomicInteger();

    private GizmoRawHost(Path root) throws IOException {
        server = HttpServer.create(new InetSocketAddress("localhost", 0), 0);
        server.setExecutor(threads);
        server.createContext("/raw/", exchange -> {
            requests.incrementAndGet();
            String[] parts = exchange.getRequestURI().getPath().split("/", 6);
            Path file = parts.length == 6 ? root.resolve(parts[3]).resolve(parts[5]) : null;
            if (slow.get()) {
                try {
                    Thread.sleep(SLOW_MILLIS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] body = file != null && Files.isRegularFile(file) ? Files.readAllBytes(file) : new byte[0];
            exchange.sendResponseHeaders(body.length == 0 ? 404 : 200, body.length == 0 ? -1 : body.length);
            if (body.length > 0) {
                exchange.getResponseBody().write(body);
            }
            exchange.close();
        });
        server.start();
    }

    /**
     * Writes {@code <dir>/family.yaml}: two Gizmo languages read from a raw file host such as this one (its
     * repositories acme/python and acme/go), not from local folders.
     */
    public static Path writeFamily(Path dir) throws IOException {
        return Files.writeString(dir.resolve("family.yaml"), """
                family: { id: gizmo, name: Gizmo }
                languages:
                  - { id: python, name: Python, repository: acme/python, branch: main }
                  - { id: go, name: Go, repository: acme/go, branch: main }
                """);
    }

    /** A started host, slow until told otherwise. */
    public static GizmoRawHost start() throws IOException {
        return start(Path.of("config/examples/gizmo"));
    }

    /** A host serving {@code <root>/<repo>/<path>}, a copy of the Gizmo trees a test may change; slow at first. */
    public static GizmoRawHost start(Path root) throws IOException {
        return new GizmoRawHost(root);
    }

    /** The value for {@code crossroads.github.raw-url}. */
    public String url() {
        return "http://localhost:" + server.getAddress().getPort() + "/raw";
    }

    /** Requests answered so far, files found or not. */
    public int requests() {
        return requests.get();
    }

    public void slow(boolean slow) {
        this.slow.set(slow);
    }

    @Override
    public void close() {
        server.stop(0);
        threads.shutdownNow();
    }
}
