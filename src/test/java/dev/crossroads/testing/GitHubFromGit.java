package dev.crossroads.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.jgit.diff.DiffEntry;
import org.eclipse.jgit.diff.DiffFormatter;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.revwalk.RevCommit;
import org.eclipse.jgit.revwalk.RevObject;
import org.eclipse.jgit.revwalk.RevSort;
import org.eclipse.jgit.revwalk.RevTag;
import org.eclipse.jgit.revwalk.RevWalk;
import org.eclipse.jgit.revwalk.filter.RevFilter;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.AndTreeFilter;
import org.eclipse.jgit.treewalk.filter.PathFilter;
import org.eclipse.jgit.treewalk.filter.TreeFilter;
import org.eclipse.jgit.util.io.DisabledOutputStream;

/**
 * A GitHub stand-in answering, from local git repositories, the REST calls and raw files a history backfill makes:
 * commits filtered by branch and path (paged with {@code Link} headers), one commit's changed files, a tree, tags,
 * a compare, and files at a commit. Each answer can be delayed to play a distant host. {@code GET /_stats} says how
 * many API and raw requests it answered (so a test in another class loader can read them).
 */
public final class GitHubFromGit implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        // headers and body go out as two writes: without TCP_NODELAY the client's delayed ACK adds ~40 ms to each
        // answer, which would be measured as GitHub's latency (read once, when the JDK server first starts)
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final Map<String, Repository> repositories = new ConcurrentHashMap<>();
    private final HttpServer server;
    private final Duration delay;
    private final AtomicInteger api = new AtomicInteger();
    private final AtomicInteger raw = new AtomicInteger();
    private final AtomicInteger notModified = new AtomicInteger();

    public GitHubFromGit(Map<String, Path> repositories, Duration delay) throws IOException {
        for (Map.Entry<String, Path> repository : repositories.entrySet()) {
            this.repositories.put(repository.getKey(), new FileRepositoryBuilder()
                    .findGitDir(repository.getValue().toFile()).setMustExist(true).build());
        }
        this.delay = delay;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 64);
        server.setExecutor(Executors.newFixedThreadPool(8));
        server.createContext("/", this::answer);
        server.start();
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public int apiRequests() {
        return api.get();
    }

    public int rawRequests() {
        return raw.get();
    }

    public void resetCounts() {
        api.set(0);
        raw.set(0);
    }

    private void answer(HttpExchange exchange) throws IOException {
        try {
            if (!delay.isZero()) {
                Thread.sleep(delay.toMillis());
            }
            String path = exchange.getRequestURI().getRawPath();
            Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
            if (path.equals("/_stats")) {
                send(exchange, 200, JSON.writeValueAsString(Map.of("api", api.get(), "raw", raw.get(),
                        "notModified", notModified.get())), null);
            } else if (path.startsWith("/raw/")) {
                raw.incrementAndGet();
                rawFile(exchange, path.substring(5));
            } else if (path.startsWith("/api/repos/")) {
                api.incrementAndGet();
                api(exchange, path.substring(11), query);
            } else {
                send(exchange, 404, "{}", null);
            }
        } catch (Exception e) {
            send(exchange, 500, "{\"message\":\"" + e.getClass().getSimpleName() + "\"}", null);
        } finally {
            exchange.close();
        }
    }

    private void rawFile(HttpExchange exchange, String rest) throws IOException {
        String[] parts = rest.split("/", 4);
        Repository repository = repositories.get(parts[0] + "/" + parts[1]);
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit commit = walk.parseCommit(repository.resolve(parts[2]));
            try (TreeWalk tree = TreeWalk.forPath(repository, URLDecoder.decode(parts[3], StandardCharsets.UTF_8),
                    commit.getTree())) {
                if (tree == null) {
                    send(exchange, 404, "404: Not Found", null);
                    return;
                }
                byte[] bytes = repository.open(tree.getObjectId(0)).getBytes();
                exchange.sendResponseHeaders(200, bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        }
    }

    private void api(HttpExchange exchange, String rest, Map<String, String> query) throws IOException {
        String[] parts = rest.split("/", 4);
        Repository repository = repositories.get(parts[0] + "/" + parts[1]);
        String what = parts.length > 2 ? parts[2] : "";
        String arg = parts.length > 3 ? parts[3] : null;
        if (repository == null) {
            send(exchange, 404, "{}", null);
        } else if (what.equals("commits") && arg == null) {
            commits(exchange, repository, rest, query);
        } else if (what.equals("commits")) {
            send(exchange, 200, JSON.writeValueAsString(commitDetail(repository, arg)), null);
        } else if (what.equals("git") && arg != null && arg.startsWith("trees/")) {
            send(exchange, 200, JSON.writeValueAsString(tree(repository, arg.substring(6))), null);
        } else if (what.equals("tags")) {
            page(exchange, rest, query, tags(repository));
        } else if (what.equals("compare")) {
            String[] range = arg.split("\\.\\.\\.", 2);
            send(exchange, 200, JSON.writeValueAsString(compare(repository, range[0], range[1])), null);
        } else {
            send(exchange, 404, "{}", null);
        }
    }

    private void commits(HttpExchange exchange, Repository repository, String rest, Map<String, String> query)
            throws IOException {
        List<Object> all = new ArrayList<>();
        Instant since = query.containsKey("since") ? Instant.parse(query.get("since")) : null;
        try (RevWalk walk = new RevWalk(repository)) {
            walk.markStart(walk.parseCommit(resolve(repository, query.get("sha"))));
            walk.sort(RevSort.COMMIT_TIME_DESC);
            if (query.containsKey("path")) {
                walk.setTreeFilter(AndTreeFilter.create(PathFilter.create(query.get("path")), TreeFilter.ANY_DIFF));
            }
            for (RevCommit commit : walk) {
                Instant at = Instant.ofEpochSecond(commit.getCommitTime());
                if (since != null && at.isBefore(since)) {
                    break;
                }
                all.add(summary(commit));
            }
        }
        page(exchange, rest, query, all);
    }

    private void page(HttpExchange exchange, String rest, Map<String, String> query, List<Object> all)
            throws IOException {
        int perPage = Integer.parseInt(query.getOrDefault("per_page", "30"));
        int page = Integer.parseInt(query.getOrDefault("page", "1"));
        int from = Math.min(all.size(), (page - 1) * perPage);
        int to = Math.min(all.size(), from + perPage);
        String link = null;
        if (to < all.size()) {
            Map<String, String> next = new LinkedHashMap<>(query);
            next.put("page", String.valueOf(page + 1));
            StringBuilder url = new StringBuilder(baseUrl()).append("/api/repos/").append(rest);
            char separator = '?';
            for (Map.Entry<String, String> parameter : next.entrySet()) {
                url.append(separator).append(parameter.getKey()).append('=')
                        .append(java.net.URLEncoder.encode(parameter.getValue(), StandardCharsets.UTF_8));
                separator = '&';
            }
            link = "<" + url + ">; rel=\"next\"";
        }
        send(exchange, 200, JSON.writeValueAsString(all.subList(from, to)), link);
    }

    private static Map<String, Object> summary(RevCommit commit) {
        List<Object> parents = new ArrayList<>();
        for (RevCommit parent : commit.getParents()) {
            parents.add(Map.of("sha", parent.getName()));
        }
        return Map.of("sha", commit.getName(), "commit", Map.of("committer", Map.of("date",
                Instant.ofEpochSecond(commit.getCommitTime()).toString())), "parents", parents);
    }

    private static Map<String, Object> commitDetail(Repository repository, String sha) throws IOException {
        List<Object> files = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository);
                DiffFormatter diff = new DiffFormatter(DisabledOutputStream.INSTANCE)) {
            RevCommit commit = walk.parseCommit(repository.resolve(sha));
            diff.setRepository(repository);
            diff.setDetectRenames(true);
            RevCommit parent = commit.getParentCount() == 0 ? null : walk.parseCommit(commit.getParent(0));
            for (DiffEntry entry : diff.scan(parent == null ? null : parent.getTree(), commit.getTree())) {
                Map<String, Object> file = new HashMap<>();
                switch (entry.getChangeType()) {
                    case ADD, COPY -> file.putAll(Map.of("filename", entry.getNewPath(), "status", "added",
                            "sha", entry.getNewId().name()));
                    case MODIFY -> file.putAll(Map.of("filename", entry.getNewPath(), "status", "modified",
                            "sha", entry.getNewId().name()));
                    case DELETE -> file.putAll(Map.of("filename", entry.getOldPath(), "status", "removed",
                            "sha", entry.getOldId().name()));
                    case RENAME -> file.putAll(Map.of("filename", entry.getNewPath(), "status", "renamed",
                            "previous_filename", entry.getOldPath(), "sha", entry.getNewId().name()));
                }
                files.add(file);
            }
            Map<String, Object> detail = new HashMap<>(summary(commit));
            detail.put("files", files);
            return detail;
        }
    }

    private static Map<String, Object> tree(Repository repository, String sha) throws IOException {
        List<Object> entries = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository); TreeWalk tree = new TreeWalk(repository)) {
            tree.addTree(walk.parseCommit(repository.resolve(sha)).getTree());
            tree.setRecursive(true);
            while (tree.next()) {
                entries.add(Map.of("path", tree.getPathString(), "type", "blob", "sha", tree.getObjectId(0).name()));
            }
        }
        return Map.of("sha", sha, "tree", entries);
    }

    private static List<Object> tags(Repository repository) throws IOException {
        List<Object> tags = new ArrayList<>();
        try (RevWalk walk = new RevWalk(repository)) {
            for (Ref ref : repository.getRefDatabase().getRefsByPrefix(Constants.R_TAGS)) {
                RevObject target = walk.peel(walk.parseAny(ref.getObjectId()));
                if (target instanceof RevCommit commit) {
                    tags.add(Map.of("name", ref.getName().substring(Constants.R_TAGS.length()), "commit",
                            Map.of("sha", commit.getName())));
                }
            }
        }
        return tags;
    }

    private static Map<String, Object> compare(Repository repository, String base, String head) throws IOException {
        try (RevWalk walk = new RevWalk(repository)) {
            RevCommit baseCommit = walk.parseCommit(resolve(repository, base));
            RevCommit headCommit = walk.parseCommit(resolve(repository, head));
            walk.setRevFilter(RevFilter.MERGE_BASE);
            walk.markStart(baseCommit);
            walk.markStart(headCommit);
            RevCommit mergeBase = walk.next();
            walk.reset();
            walk.setRevFilter(RevFilter.ALL);
            walk.markStart(headCommit);
            walk.markUninteresting(mergeBase);
            walk.sort(RevSort.TOPO);
            walk.sort(RevSort.REVERSE, true);
            List<Object> ahead = new ArrayList<>();
            for (RevCommit commit : walk) {
                ahead.add(summary(commit));
            }
            return Map.of("merge_base_commit", summary(walk.parseCommit(mergeBase)), "commits", ahead,
                    "ahead_by", ahead.size());
        }
    }

    private static ObjectId resolve(Repository repository, String name) throws IOException {
        for (String candidate : List.of(name, Constants.R_HEADS + name, Constants.R_REMOTES + "origin/" + name)) {
            ObjectId id = repository.resolve(candidate);
            if (id != null) {
                return id;
            }
        }
        throw new IOException("unknown revision " + name);
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    query.put(pair.substring(0, eq), URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
                }
            }
        }
        return query;
    }

    private void send(HttpExchange exchange, int status, String body, String link) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        if (status == 200) {
            String etag = "\"" + Integer.toHexString(java.util.Arrays.hashCode(bytes)) + "-" + bytes.length + "\"";
            exchange.getResponseHeaders().set("ETag", etag);
            if (etag.equals(exchange.getRequestHeaders().getFirst("If-None-Match"))) {
                notModified.incrementAndGet();
                exchange.sendResponseHeaders(304, -1);
                return;
            }
        }
        exchange.getResponseHeaders().set("Content-Type", "application/json; charset=utf-8");
        exchange.getResponseHeaders().set("X-RateLimit-Remaining", "4999");
        if (link != null) {
            exchange.getResponseHeaders().set("Link", link);
        }
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
        repositories.values().forEach(Repository::close);
    }
}
