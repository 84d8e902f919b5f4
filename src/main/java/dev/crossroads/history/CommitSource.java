package dev.crossroads.history;

import java.io.IOException;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Where a language's history is read from: a local clone (JGit) or GitHub. The walk asks for the versions of the
 * files it needs at each commit and reads a file's text only when its version changed, so unchanged files cost
 * nothing.
 */
public interface CommitSource extends AutoCloseable {

    /**
     * The tracked branch's first-parent commits, oldest first, committed at or after {@code since} (all when null)
     * and, when {@code after} is given and on the branch, only those after it.
     */
    List<HistoricCommit> commits(Instant since, String after) throws IOException;

    /**
     * The version (blob id) of each of these paths at a commit; paths absent at that commit are left out. Paths are
     * relative to the language's folder, as the family file names them.
     */
    Map<String, String> versions(HistoricCommit commit, Collection<String> paths) throws IOException;

    /** The text of one version of a file. */
    String read(String path, String version) throws IOException;

    /**
     * The release tags not among {@code known}, oldest first. Commits still unreleased are contained in no known
     * tag, so only new tags can release them: a repository whose tags did not change costs one listing.
     */
    List<ReleaseTag> tags(Set<String> known) throws IOException;

    /**
     * For each commit (with its date), the first of these releases (by tag date) whose commit contains it; commits
     * none contains are left out. Containment, not dates: a release cut from a commit off the branch contains what
     * it was cut from.
     */
    Map<String, String> firstReleases(Map<String, Instant> commits, List<ReleaseTag> tags) throws IOException;

    /** HTTP requests made so far (0 for a local clone). */
    default int requests() {
        return 0;
    }

    @Override
    void close();
}
