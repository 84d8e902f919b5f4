package dev.crossroads.api.graphql;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityService.MatrixChanged;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.parser.Parser;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Whole GraphQL responses for requests answered from the in-memory matrix, keyed by the request body (query text,
 * variables, operation name) within one data version, so a repeated request is answered with stored bytes and never
 * reaches the GraphQL engine. Everything is dropped when the data version moves. Bounded in bytes: past
 * {@code crossroads.parity.response-cache-bytes} responses are served but not kept.
 */
@ApplicationScoped
public class ResponseCache {

    /** Root fields whose answers depend on nothing but the matrix of the data version (and the family file). */
    static final Set<String> MATRIX_FIELDS = Set.of("parityMatrix", "features", "feature", "alignmentSuggestions",
            "unlinkedItems", "languages", "__typename");
    private static final int MAX_QUERY_CHARS = 64 * 1024;
    private static final int MAX_DECISIONS = 10_000;

    private final ParityService parity;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private volatile Generation generation;
    /** Whether a request body may be cached at all, remembered per body (parsing is the cost being avoided). */
    private final Map<String, Boolean> cacheable = new ConcurrentHashMap<>();

    ResponseCache(ParityService parity, CrossroadsConfig config) {
        this.parity = parity;
        this.maxBytes = config.parity().responseCacheBytes();
        this.generation = new Generation(-1);
    }

    /** A response as stored: its bytes, content type and a strong validator. */
    public record Cached(Buffer body, String contentType, String etag) {
    }

    /** The responses of one data version. */
    private static final class Generation {
        final long version;
        final Map<String, Future<Cached>> responses = new ConcurrentHashMap<>();
        /** Keys asked for once in this version and answered directly. */
        final Set<String> seen = ConcurrentHashMap.newKeySet();

        Generation(long version) {
            this.version = version;
        }
    }

    void onMatrixChanged(@Observes MatrixChanged event) {
        current(event.dataVersion());
    }

    private Generation current(long version) {
        Generation now = generation;
        if (now.version != version) {
            synchronized (this) {
                if (generation.version != version) {
                    generation = new Generation(version);
                    bytes.set(0);
                }
                now = generation;
            }
        }
        return now;
    }

    /** The data version responses are cached for now. */
    public long version() {
        return parity.state().dataVersion();
    }

    /**
     * The stored response for this key, or the one {@code fill} produces (requests for the same key while it runs
     * share it). Responses with errors, or once the budget is spent, are answered but not kept. With {@code
     * onlyIfRepeated}, a key seen for the first time in this data version gets null: the caller answers it directly,
     * and only a request that comes back is worth the loopback that fills the cache (one-off searches are not).
     */
    public Future<Cached> get(String key, boolean onlyIfRepeated, Supplier<Future<Cached>> fill) {
        Generation gen = current(version());
        Future<Cached> found = gen.responses.get(key);
        if (found != null) {
            return found;
        }
        if (onlyIfRepeated && gen.seen.size() < MAX_DECISIONS && gen.seen.add(key)) {
            return null;
        }
        Promise<Cached> promise = Promise.promise();
        Future<Cached> raced = gen.responses.putIfAbsent(key, promise.future());
        if (raced != null) {
            return raced;
        }
        fill.get().onComplete(result -> {
            if (result.failed() || result.result() == null || !keep(result.result())) {
                gen.responses.remove(key, promise.future());
            }
            promise.handle(result);
        });
        return promise.future();
    }

    private boolean keep(Cached response) {
        if (hasErrors(response.body())) {
            return false;
        }
        return bytes.addAndGet(response.body().length()) <= maxBytes;
    }

    private static boolean hasErrors(Buffer body) {
        try {
            return new JsonObject(body).containsKey("errors");
        } catch (RuntimeException e) {
            return true;
        }
    }

    /**
     * Whether a GraphQL request body is a query (not a mutation or subscription) whose every root field is served
     * from the matrix: only those are cached. Decided once per distinct body.
     */
    public boolean cacheable(String body) {
        Boolean known = cacheable.get(body);
        if (known != null) {
            return known;
        }
        boolean decision = decide(body);
        if (cacheable.size() >= MAX_DECISIONS) {
            cacheable.clear();
        }
        cacheable.put(body, decision);
        return decision;
    }

    static boolean decide(String body) {
        try {
            JsonObject request = new JsonObject(body);
            Object query = request.getValue("query");
            if (!(query instanceof String text) || text.length() > MAX_QUERY_CHARS) {
                return false;
            }
            return onlyMatrixFields(Parser.parse(text));
        } catch (RuntimeException e) {
            return false; // not ours to judge: the GraphQL endpoint answers it with its own error
        }
    }

    static boolean onlyMatrixFields(Document document) {
        boolean any = false;
        for (var definition : document.getDefinitions()) {
            if (definition instanceof OperationDefinition operation) {
                if (operation.getOperation() != OperationDefinition.Operation.QUERY) {
                    return false;
                }
                for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
                    if (!(selection instanceof Field field) || !MATRIX_FIELDS.contains(field.getName())) {
                        return false;
                    }
                    any = true;
                }
            }
        }
        return any;
    }

    /** A strong validator of a response: its data version and a digest of its bytes. */
    static String etag(long version, Buffer body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes());
            return "\"" + version + "-" + HexFormat.of().formatHex(digest, 0, 12) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
