package dev.crossroads.history;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.github.Fetched;
import dev.crossroads.source.github.GitHubRestClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A language's history read from GitHub: the commits API filtered by branch and by each path the sources read
 * (paged through {@code Link} headers), one request per commit for the files it changed (applied to a map of each
 * path's blob), and each changed file the walk needs from the raw host at that commit. Tags come from the tags API,
 * and one compare per tag gives the newest branch commit it contains (its merge base with the branch): containment,
 * not dates. Every request is counted ({@link #requests()}). Blocking: the walk runs on a worker thread.
 *
 * <p>Order: the tracked branch's first-parent line, as a local walk reads it: a change made on a merged branch counts
 * at the merge, where the branch got it.
 */
final class GitHubHistory implements CommitSource {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration WAIT = Duration.ofMinutes(10);
    private static final String PER_PAGE = "100";

    private final GitHubRestClient client;
    private final LanguageSource language;
    private final AtomicInteger requests = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();
    /** Each path's current blob and the commit it was last set at (where the raw host has it). */
    private final Map<String, String> blobs = new HashMap<>();
    private final Map<String, String> setAt = new HashMap<>();
    private final Map<String, String> parents = new HashMap<>();
    private final Map<String, Boolean> merges = new HashMap<>();
    private final Set<String> applied = new LinkedHashSet<>();
    private String startedFrom;
    private boolean started;
    private final Map<String, Instant> mergeBaseDate = new HashMap<>();
    private final Map<String, String> mergeBase = new HashMap<>();
    /** The branch's listing and each first-parent commit's place on the line, for containment. */
    private Map<String, Listed> all = Map.of();
    private final Map<String, Integer> lineIndex = new HashMap<>();

    private final Map<String, Fetched> validators;

    /** @param validators API answers remembered by URL (shared by the backfills of a process) for conditional GETs */
    GitHubHistory(GitHubRestClient client, LanguageSource language, Map<String, Fetched> validators) {
        this.client = client;
        this.language = language;
        this.validators = validators;
    }

    @Override
    public int requests() {
        return requests.get();
    }

    /** The folders and files whose commits matter: the docs folder, the nav, the roadmap and home page if outside. */
    private List<String> watched() {
        Set<String> paths = new LinkedHashSet<>();
        String root = language.docs().root();
        paths.add(root);
        paths.add(language.docs().nav());
        for (String file : List.of(language.roadmapPath(), language.docs().home())) {
            if (!file.startsWith(root + "/")) {
                paths.add(file);
            }
        }
        return List.copyOf(paths);
    }

    /** A commit as a listing gives it: date and parents. */
    private record Listed(String sha, Instant at, List<String> parents) {
    }

    /**
     * The tracked branch's first-parent commits that changed a watched path, directly or by merging a branch that
     * did: the branch's listing (paging only) gives every commit's parents, so the first-parent line and the merges
     * on it are known; the listings filtered by path say which commits touched the sources.
     */
    @Override
    public List<HistoricCommit> commits(Instant since, String after) throws IOException {
        all = list(null, since);
        Set<String> touching = new java.util.HashSet<>();
        for (String path : watched()) {
            touching.addAll(list(path, since).keySet());
        }
        // the first-parent line from the tip (the newest listed), oldest first
        List<Listed> line = new ArrayList<>();
        Listed tip = all.values().stream().findFirst().orElse(null);
        Set<String> seen = new java.util.HashSet<>();
        for (Listed c = tip; c != null && seen.add(c.sha()); c = c.parents().isEmpty() ? null
                : all.get(c.parents().get(0))) {
            line.add(c);
        }
        java.util.Collections.reverse(line);
        Set<String> onLine = new java.util.HashSet<>();
        line.forEach(c -> {
            onLine.add(c.sha());
            lineIndex.put(c.sha(), lineIndex.size());
        });
        List<HistoricCommit> walked = new ArrayList<>();
        boolean afterSeen = after == null || !onLine.contains(after);
        for (Listed commit : line) {
            parents.put(commit.sha(), commit.parents().isEmpty() ? null : commit.parents().get(0));
            merges.put(commit.sha(), commit.parents().size() > 1);
            boolean changes = touching.contains(commit.sha()) || commit.parents().size() > 1
                    && mergesTouching(commit, all, onLine, touching);
            if (afterSeen && changes) {
                walked.add(new HistoricCommit(commit.sha(), commit.at()));
            }
            if (commit.sha().equals(after)) {
                afterSeen = true;
            }
        }
        // what the files were before the first commit read: the tree of its parent (none before the first commit)
        startedFrom = walked.isEmpty() ? null : parents.get(walked.get(0).id());
        return walked;
    }

    /** Whether a merge on the line brings in a commit that touched a watched path. */
    private static boolean mergesTouching(Listed merge, Map<String, Listed> all, Set<String> onLine,
            Set<String> touching) {
        java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>(merge.parents().subList(1,
                merge.parents().size()));
        Set<String> visited = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            String sha = pending.poll();
            if (onLine.contains(sha) || !visited.add(sha)) {
                continue;
            }
            if (touching.contains(sha)) {
                return true;
            }
            Listed c = all.get(sha);
            if (c != null) {
                pending.addAll(c.parents());
            }
        }
        return false;
    }

    /** The branch's commits (touching {@code path}, when given), newest first, every page. */
    private Map<String, Listed> list(String path, Instant since) throws IOException {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("sha", language.branch());
        if (path != null) {
            query.put("path", path);
        }
        query.put("per_page", PER_PAGE);
        if (since != null) {
            query.put("since", since.toString());
        }
        Map<String, Listed> listed = new LinkedHashMap<>();
        String url = client.api(language.repository(), "commits", query);
        while (url != null) {
            Fetched page = get(url);
            for (JsonNode commit : parse(page)) {
                List<String> parentShas = new ArrayList<>();
                commit.path("parents").forEach(p -> parentShas.add(p.path("sha").asText()));
                String sha = commit.path("sha").asText();
                listed.putIfAbsent(sha, new Listed(sha, Instant.parse(commit.path("commit").path("committer")
                        .path("date").asText()), parentShas));
            }
            url = GitHubRestClient.next(page.link()).orElse(null);
        }
        return listed;
    }

    @Override
    public Map<String, String> versions(HistoricCommit commit, Collection<String> paths) throws IOException {
        if (!started) {
            started = true;
            if (startedFrom != null) {
                loadTree(startedFrom);
            }
        }
        if (applied.add(commit.id())) {
            if (merges.getOrDefault(commit.id(), false)) {
                // what a merge changed is what its tree holds: one request, whatever the merged branch did
                blobs.clear();
                loadTree(commit.id());
            } else {
                apply(commit.id());
            }
        }
        Map<String, String> versions = new HashMap<>();
        for (String path : paths) {
            String blob = blobs.get(path);
            if (blob != null) {
                versions.put(path, blob);
            }
        }
        return versions;
    }

    private void loadTree(String commit) throws IOException {
        JsonNode tree = parse(get(client.api(language.repository(), "git/trees/" + commit,
                Map.of("recursive", "1"))));
        for (JsonNode entry : tree.path("tree")) {
            if ("blob".equals(entry.path("type").asText()) && relevant(entry.path("path").asText())) {
                blobs.put(entry.path("path").asText(), entry.path("sha").asText());
                setAt.put(entry.path("path").asText(), commit);
            }
        }
    }

    /** The files a commit changed, applied to each path's blob. */
    private void apply(String commit) throws IOException {
        JsonNode detail = parse(get(client.api(language.repository(), "commits/" + commit, Map.of())));
        for (JsonNode file : detail.path("files")) {
            String name = file.path("filename").asText();
            String status = file.path("status").asText();
            if ("renamed".equals(status)) {
                blobs.remove(file.path("previous_filename").asText());
            }
            if ("removed".equals(status)) {
                blobs.remove(name);
            } else if (relevant(name)) {
                blobs.put(name, file.path("sha").asText());
                setAt.put(name, commit);
            }
        }
    }

    private boolean relevant(String path) {
        return path.startsWith(language.docs().root() + "/") || path.equals(language.docs().nav())
                || path.equals(language.roadmapPath()) || path.equals(language.docs().home());
    }

    @Override
    public String read(String path, String version) throws IOException {
        String commit = setAt.get(path);
        Fetched file = await(client.file(language.repository(), commit, path));
        if (file.status() != Fetched.Status.OK) {
            throw new IOException(path + " at " + commit + ": HTTP " + file.httpStatus());
        }
        return file.body();
    }

    /**
     * Tags, each dated by its commit and placed on the branch by its merge base with it (one compare per tag):
     * a tag contains every branch commit up to its merge base.
     */
    @Override
    public List<ReleaseTag> tags(Set<String> known) throws IOException {
        List<ReleaseTag> tags = new ArrayList<>();
        String url = client.api(language.repository(), "tags", Map.of("per_page", PER_PAGE));
        List<JsonNode> listed = new ArrayList<>();
        while (url != null) {
            Fetched page = get(url);
            parse(page).forEach(listed::add);
            url = GitHubRestClient.next(page.link()).orElse(null);
        }
        for (JsonNode tag : listed) {
            String name = tag.path("name").asText();
            if (known.contains(name)) {
                continue;
            }
            String sha = tag.path("commit").path("sha").asText();
            JsonNode compare = parse(get(client.api(language.repository(),
                    "compare/" + language.branch() + "..." + sha, Map.of())));
            JsonNode base = compare.path("merge_base_commit");
            Instant baseDate = Instant.parse(base.path("commit").path("committer").path("date").asText());
            JsonNode ahead = compare.path("commits");
            Instant taggedAt = ahead.size() > 0
                    ? Instant.parse(ahead.get(ahead.size() - 1).path("commit").path("committer").path("date").asText())
                    : baseDate;
            mergeBaseDate.put(name, baseDate);
            mergeBase.put(name, base.path("sha").asText());
            tags.add(new ReleaseTag(name, sha, taggedAt));
        }
        tags.sort(Comparator.comparing(ReleaseTag::taggedAt).thenComparing(ReleaseTag::name));
        return tags;
    }

    /**
     * A commit of the line is in the first tag (by date) that contains it: a tag contains the line up to the newest
     * line commit its merge base descends from (the merge base itself when it is on the line; the fork point of its
     * branch when not). Commits outside the listing (before {@code since}) fall back to comparing dates.
     */
    @Override
    public Map<String, String> firstReleases(Map<String, Instant> commits, List<ReleaseTag> tags) {
        Map<String, Integer> positions = new HashMap<>();
        Map<String, String> releases = new HashMap<>();
        for (Map.Entry<String, Instant> entry : commits.entrySet()) {
            String commit = entry.getKey();
            Integer index = lineIndex.get(commit);
            for (ReleaseTag tag : tags) {
                String base = mergeBase.get(tag.name());
                Integer reach = base == null ? null : positions.computeIfAbsent(base, this::position);
                boolean contained = index != null && reach != null && reach >= 0 ? index <= reach
                        : mergeBaseDate.containsKey(tag.name()) && !mergeBaseDate.get(tag.name()).isBefore(
                                entry.getValue());
                if (contained) {
                    releases.put(commit, tag.name());
                    break;
                }
            }
        }
        return releases;
    }

    /** The index of the newest line commit {@code sha} descends from (itself if on the line); -1 when unknown. */
    private int position(String sha) {
        Integer on = lineIndex.get(sha);
        if (on != null) {
            return on;
        }
        int best = -1;
        java.util.ArrayDeque<String> pending = new java.util.ArrayDeque<>(List.of(sha));
        Set<String> visited = new java.util.HashSet<>();
        while (!pending.isEmpty()) {
            String next = pending.poll();
            if (!visited.add(next)) {
                continue;
            }
            Integer index = lineIndex.get(next);
            if (index != null) {
                best = Math.max(best, index);
                continue;
            }
            Listed c = all.get(next);
            if (c != null) {
                pending.addAll(c.parents());
            }
        }
        return best;
    }

    /** A conditional GET: an answer seen before costs a 304 (which GitHub does not count against the quota). */
    private Fetched get(String url) throws IOException {
        Fetched known = validators.get(url);
        Fetched answer = await(client.get(url, known == null ? null : known.etag()));
        if (answer.status() == Fetched.Status.NOT_MODIFIED && known != null) {
            notModified.incrementAndGet();
            return known;
        }
        if (answer.status() != Fetched.Status.OK) {
            throw new IOException(url + ": HTTP " + answer.httpStatus());
        }
        if (answer.etag() != null && (url.contains("/commits?") || url.contains("/tags?"))) {
            validators.put(url, answer); // listings are asked again by the next backfill; details never are
        }
        return answer;
    }

    /** Requests answered 304 (free of quota). */
    int notModified() {
        return notModified.get();
    }

    private Fetched await(io.smallrye.mutiny.Uni<Fetched> request) throws IOException {
        requests.incrementAndGet();
        try {
            return request.await().atMost(WAIT);
        } catch (RuntimeException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private static JsonNode parse(Fetched answer) throws IOException {
        return JSON.readTree(Optional.ofNullable(answer.body()).orElse("null"));
    }

    @Override
    public void close() {
    }
}
