package dev.crossroads.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The four runtimes' history served by a GitHub stand-in ({@link GitHubFromGit}) from clones of the bundles; the
 * family reads them from "GitHub". Init argument {@code delay-ms}: latency added to every answer.
 */
public class GitHubFromGitResource implements QuarkusTestResourceLifecycleManager {

    private GitHubFromGit github;
    private Duration delay = Duration.ZERO;

    @Override
    public void init(Map<String, String> args) {
        delay = Duration.ofMillis(Long.parseLong(args.getOrDefault("delay-ms", "0")));
    }

    @Override
    public Map<String, String> start() {
        Map<String, Path> repositories = new LinkedHashMap<>();
        for (List<String> runtime : HistoryBundles.RUNTIMES) {
            repositories.put(runtime.get(2), HistoryBundles.clones().resolve(runtime.get(0)));
        }
        try {
            github = new GitHubFromGit(repositories, delay);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.of("crossroads.config-file", HistoryBundles.remoteFamily().toString(),
                "crossroads.github.api-url", github.baseUrl() + "/api",
                "crossroads.github.raw-url", github.baseUrl() + "/raw",
                "crossroads.github.token", "stand-in-token",
                "github-stand-in.url", github.baseUrl());
    }

    @Override
    public void stop() {
        if (github != null) {
            github.close();
        }
    }
}
