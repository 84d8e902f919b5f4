package dev.crossroads.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.transport.RefSpec;

/**
 * The real docs history of the four Powertools runtimes ({@code ../shared/corpus/history/*.bundle}), cloned with
 * JGit into a temporary folder once per test JVM, with a family file whose languages read those clones.
 */
public final class HistoryBundles {

    public static final Path BUNDLES = Path.of("../shared/corpus/history");

    /** id, name, repository, tracked branch: as the MANIFEST of the bundles says. */
    public static final List<List<String>> RUNTIMES = List.of(
            List.of("python", "Python", "aws-powertools/powertools-lambda-python", "develop"),
            List.of("typescript", "TypeScript", "aws-powertools/powertools-lambda-typescript", "main"),
            List.of("java", "Java", "aws-powertools/powertools-lambda-java", "main"),
            List.of("dotnet", ".NET", "aws-powertools/powertools-lambda-dotnet", "develop"));

    private static Path family;
    private static Path remoteFamily;
    private static Path clones;

    private HistoryBundles() {
    }

    /** The folder holding the four clones, one per runtime id (cloned at the first call). */
    public static synchronized Path clones() {
        family();
        return clones;
    }

    /**
     * A family file naming the same four repositories without a local path: read from GitHub (a stand-in serving the
     * clones, {@link GitHubFromGit}).
     */
    public static synchronized Path remoteFamily() {
        if (remoteFamily == null) {
            StringBuilder yaml = new StringBuilder("family:\n  id: powertools\n  name: Powertools history\n"
                    + "languages:\n");
            for (List<String> runtime : RUNTIMES) {
                yaml.append("  - id: ").append(runtime.get(0)).append("\n    name: \"").append(runtime.get(1))
                        .append("\"\n    repository: ").append(runtime.get(2)).append("\n    branch: ")
                        .append(runtime.get(3)).append('\n');
            }
            try {
                remoteFamily = clones().resolve("remote-family.yaml");
                Files.writeString(remoteFamily, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return remoteFamily;
    }

    /** The family file of the four clones (cloned at the first call). */
    public static synchronized Path family() {
        if (family == null) {
            try {
                Path root = Files.createTempDirectory("crossroads-history");
                clones = root;
                // the clones serve every test of this JVM; they go with it (each run cloned 20 MB that stayed)
                Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(root), "delete-history-clones"));
                StringBuilder yaml = new StringBuilder("family:\n  id: powertools\n  name: Powertools history\n"
                        + "languages:\n");
                for (List<String> runtime : RUNTIMES) {
                    clone(BUNDLES.resolve(runtime.get(0) + ".bundle"), root.resolve(runtime.get(0)), runtime.get(3));
                    yaml.append("  - id: ").append(runtime.get(0)).append("\n    name: \"").append(runtime.get(1))
                            .append("\"\n    repository: ").append(runtime.get(2)).append("\n    branch: ")
                            .append(runtime.get(3)).append("\n    local-path: ").append(runtime.get(0)).append('\n');
                }
                family = root.resolve("family.yaml");
                Files.writeString(family, yaml, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return family;
    }

    private static void deleteTree(Path root) {
        try {
            org.apache.commons.io.file.PathUtils.deleteDirectory(root);
        } catch (IOException e) {
            System.err.println("Could not delete " + root + ": " + e.getMessage());
        }
    }

    /** A clone of a bundle: its branches under origin, its tags, the tracked branch checked out. */
    public static void clone(Path bundle, Path into, String branch) {
        try (Git git = Git.init().setDirectory(into.toFile()).setInitialBranch(branch).call()) {
            git.fetch().setRemote(bundle.toAbsolutePath().toString())
                    .setRefSpecs(new RefSpec("+refs/heads/*:refs/remotes/origin/*"),
                            new RefSpec("+refs/tags/*:refs/tags/*"))
                    .call();
            git.checkout().setName(branch).setCreateBranch(true).setStartPoint("origin/" + branch).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException("cannot clone " + bundle + ": " + e.getMessage(), e);
        }
    }
}
