package dev.crossroads.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.Map;
import java.util.TimeZone;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.revwalk.RevCommit;

/** Small git repositories for tests, written with JGit: commits at given dates, moves, tags, side branches. */
public final class GitRepos implements AutoCloseable {

    private final Git git;
    private final Path folder;

    private GitRepos(Git git, Path folder) {
        this.git = git;
        this.folder = folder;
    }

    public static GitRepos init(Path folder, String branch) {
        try {
            return new GitRepos(Git.init().setDirectory(folder.toFile()).setInitialBranch(branch).call(), folder);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    public Path folder() {
        return folder;
    }

    /** Writes (or, for a null text, deletes) these files and commits them all at {@code at}; returns the commit id. */
    public String commit(String at, Map<String, String> files) {
        try {
            for (Map.Entry<String, String> file : files.entrySet()) {
                Path path = folder.resolve(file.getKey());
                if (file.getValue() == null) {
                    Files.deleteIfExists(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.writeString(path, file.getValue(), StandardCharsets.UTF_8);
                }
            }
            git.add().addFilepattern(".").call();
            git.add().addFilepattern(".").setUpdate(true).call();
            PersonIdent who = person(at);
            RevCommit commit = git.commit().setMessage("change at " + at).setAuthor(who).setCommitter(who)
                    .setSign(false).call();
            return commit.getName();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** An annotated tag on a commit, made at {@code at}. */
    public void tag(String name, String commitId, String at) {
        try (var walk = new org.eclipse.jgit.revwalk.RevWalk(git.getRepository())) {
            git.tag().setName(name).setObjectId(walk.parseCommit(git.getRepository().resolve(commitId)))
                    .setTagger(person(at)).setMessage(name).setAnnotated(true).setSigned(false).call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Switches to a branch (created from the current commit when new). */
    public void checkout(String branch, boolean create) {
        try {
            git.checkout().setName(branch).setCreateBranch(create).call();
        } catch (GitAPIException e) {
            throw new IllegalStateException(e);
        }
    }

    private static PersonIdent person(String at) {
        Instant instant = Instant.parse(at);
        return new PersonIdent("Test", "test@example.org", Date.from(instant), TimeZone.getTimeZone(ZoneOffset.UTC));
    }

    @Override
    public void close() {
        git.close();
    }
}
