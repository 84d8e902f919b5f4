package dev.crossroads.testing;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * Serves docs trees the way the raw file host does ({@code /raw/<owner>/<repo>/<branch>/<path>}), with ETags that
 * answer 304 to a matching If-None-Match, as GitHub does.
 */
public final class GitHubTrees {

    /** Our own offline example trees stand in for the four Powertools repositories. */
    public static final Path PYTHON = Path.of("config/examples/gizmo/python");
    public static final Path GO = Path.of("config/examples/gizmo/go");
    public static final Path RUST = Path.of("config/examples/gizmo/rust");

    private GitHubTrees() {
    }

    /** A GitHub that serves the four Powertools repositories and boards, and no sync history yet. */
    public static void resetAll(WireMockServer server, io.vertx.mutiny.sqlclient.Pool pool) {
        server.resetAll();
        servePowertools(server);
        GitHubBoards.servePowertools(server);
        Database.wipeSyncHistory(pool);
    }

    public static void servePowertools(WireMockServer server) {
        serve(server, "aws-powertools/powertools-lambda-python", "develop", PYTHON);
        serve(server, "aws-powertools/powertools-lambda-typescript", "main", GO);
        serve(server, "aws-powertools/powertools-lambda-java", "main", RUST);
        serve(server, "aws-powertools/powertools-lambda-dotnet", "develop", PYTHON);
    }

    public static void serve(WireMockServer server, String repository, String branch, Path tree) {
        try (Stream<Path> files = Files.walk(tree)) {
            files.filter(Files::isRegularFile).forEach(file -> {
                String path = tree.relativize(file).toString().replace('\\', '/');
                serveFile(server, repository, branch, path, read(file));
            });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void serveFile(WireMockServer server, String repository, String branch, String path,
            String content) {
        String url = rawPath(repository, branch, path);
        // a new version replaces the old one, as on GitHub: its old ETag no longer answers 304
        server.listAllStubMappings().getMappings().stream()
                .filter(mapping -> url.equals(mapping.getRequest().getUrl()))
                .toList().forEach(server::removeStubMapping);
        String etag = "\"" + Integer.toHexString(content.hashCode()) + "\"";
        server.stubFor(get(urlEqualTo(url)).atPriority(5)
                .willReturn(aResponse().withStatus(200).withHeader("ETag", etag)
                        .withHeader("Content-Type", "text/plain; charset=utf-8").withBody(content)));
        server.stubFor(get(urlEqualTo(url)).atPriority(1).withHeader("If-None-Match", equalTo(etag))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
    }

    public static String rawPath(String repository, String branch, String path) {
        return "/raw/" + repository + "/" + branch + "/" + path;
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
