package dev.crossroads.history;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectReader;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;

/**
 * A language's history read from a local clone with JGit, in-process (no {@code git} executable): the folder the
 * family file names is the clone's work tree, and its paths are the repository's.
 */
public final class LocalGitHistory implements CommitSource {

    private final Repository repository;
    private final String branch;
    private final ObjectReader reader;
    private final Map<String, RevCommit> parsed = new HashMap<>();

    private LocalGitHistory(Repository repository, String branch) {
        this.repository = repository;
        this.branch = branch;
        this.reader = repository.newObjectReader();
    }

    /**
     * The clone whose work tree is {@code folder} (it holds {@code .git}), or empty when the folder is no clone's
     * root: a plain folder that merely sits inside some other repository is not read as that repository's history.
     */
    public static Optional<LocalGitHistory> open(Path folder, String branch) throws IOException {
        Path absolute = folder.toAbsolutePath().normalize();
        if (!Files.exists(absolute.resolve(Constants.DOT_GIT))) {
            return Optional.empty();
        }
        Repository repository = new FileRepositoryBuilder().setWorkTree(absolute.toFile()).readEnvironment()
                .setMustExist(true).build();
        return Optional.of(new LocalGitHistory(repository, branch));
    }

    /** The tracked branch as the clone knows it: a local branch, else origin's, else whatever HEAD is. */
    private ObjectId tip() throws IOException {
        for (String name : List.of(Constants.R_HEADS + branch, Constants.R_REMOTES + "origin/" + branch,
                Constants.HEAD)) {
            Ref ref = repository.exactRef(name);
            if (ref != null && ref.getObjectId() != null) {
                return ref.getObjectId();
            }
        }
        throw new IOException("the clone has no branch '" + branch + "' and no HEAD");
    }

    @Override
    public List<HistoricCommit> commits(Instant since, String after) throws IOException {
        List<HistoricCommit> newestFirst = new ArrayList<>();
        try (RevWalk walk = new RevWalk(reader)) {
            RevCommit commit = walk.parseCommit(tip());
            while (commit != null) {
                Instant at = Instant.ofEpochSecond(commit.getCommitTime());
                if (commit.getName().equals(after) || since != null && at.isBefore(since)) {
                    break;
                }
                newestFirst.add(new HistoricCommit(commit.getName(), at));
                parsed.put(commit.getName(), commit);
                commit = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            }
        }
        Collections.reverse(newestFirst);
        return newestFirst;
    }

    @Override
    public Map<String, String> versions(HistoricCommit commit, Collection<String> paths) throws IOException {
        RevCommit revCommit = parsed.get(commit.id());
        if (revCommit == null) {
            try (RevWalk walk = new RevWalk(reader)) {
                revCommit = walk.parseCommit(ObjectId.fromString(commit.id()));
            }
        }
        Map<String, String> versions = new HashMap<>();
        for (String path : paths) {
            try (TreeWalk walk = TreeWalk.forPath(reader, path, revCommit.getTree())) {
                if (walk != null && (walk.getRawMode(0) & 0170000) == 0100000) { // a regular file, not a folder
                    versions.put(path, walk.getObjectId(0).getName());
                }
            }
        }
        return versions;
    }

    @Override
    public String read(String path, String version) throws IOException {
        return new String(reader.open(ObjectId.fromString(version), Constants.OBJ_BLOB).getBytes(),
                StandardCharsets.UTF_8);
    }

    @Override
    public List<ReleaseTag> tags(Set<String> known) throws IOException {
        List<ReleaseTag> tags = new ArrayList<>();
        try (RevWalk walk = new RevWalk(reader)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                RevObject target = walk.parseAny(ref.getObjectId());
                Instant taggedAt = null;
                while (target instanceof RevTag tag) {
                    PersonIdent tagger = tag.getTaggerIdent();
                    if (taggedAt == null && tagger != null) {
                        taggedAt = tagger.getWhenAsInstant();
                    }
                    target = walk.parseAny(tag.getObject());
                }
                String name = ref.getName().substring(Constants.R_TAGS.length());
                if (target instanceof RevCommit commit && !known.contains(name)) {
                    walk.parseHeaders(commit);
                    Instant at = taggedAt != null ? taggedAt : Instant.ofEpochSecond(commit.getCommitTime());
                    tags.add(new ReleaseTag(name, commit.getName(), at));
                }
            }
        }
        tags.sort(Comparator.comparing(ReleaseTag::taggedAt).thenComparing(ReleaseTag::name));
        return tags;
    }

    /**
     * Tags in date order; each one's walk stops at every earlier tag's commit, so the commits it reaches for the first
     * time are exactly those the earlier releases do not contain. Every commit is visited once over all tags.
     */
    @Override
    public Map<String, String> firstReleases(Map<String, Instant> commits, List<ReleaseTag> tags)
            throws IOException {
        Set<String> wanted = new HashSet<>(commits.keySet());
        Map<String, String> release = new HashMap<>();
        try (RevWalk walk = new RevWalk(reader)) {
            List<RevCommit> earlier = new ArrayList<>();
            for (ReleaseTag tag : tags) {
                if (release.size() == wanted.size()) {
                    break;
                }
                RevCommit tip = walk.parseCommit(ObjectId.fromString(tag.commitId()));
                walk.reset();
                walk.markStart(tip);
                for (RevCommit before : earlier) {
                    walk.markUninteresting(before);
                }
                for (RevCommit reached : walk) {
                    if (wanted.contains(reached.getName())) {
                        release.putIfAbsent(reached.getName(), tag.name());
                    }
                }
                earlier.add(tip);
            }
        }
        return release;
    }

    @Override
    public void close() {
        reader.close();
        repository.close();
    }
}
