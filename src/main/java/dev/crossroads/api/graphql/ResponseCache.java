package dev.crossroads.api.graphql;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityService.MatrixChanged;
import io.vertx.core.Future;
import io.vertx.core.Promise;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.commons.codec.digest.DigestUtils;
import jakarta.enterprise.event.Observes;
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

    private static final int MAX_QUERY_CHARS = 64 * 1024;
    private static final int MAX_DECISIONS = 10_000;
    /** Request bodies longer than this are neither remembered nor cached: keys must stay small. */
    static final int MAX_KEY_CHARS = 8 * 1024;

    /** The failure a key not worth caching answers with: the caller asks the endpoint itself. */
    static final RuntimeException ANSWER_DIRECTLY = new IllegalStateException("not cached: answer directly") {
        @Override
        public synchronized Throwable fillInStackTrace() {
            return this;
        }
    };

    private final ParityService parity;
    private final long maxBytes;
    private final AtomicLong bytes = new AtomicLong();
    private volatile Generation generation;
    /** Each request body's shape, remembered per body (parsing is the cost being avoided). */
    private final Map<String, QueryShape> shapes = new ConcurrentHashMap<>();

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
        if (key.length() > MAX_KEY_CHARS) {
            return onlyIfRepeated ? null : safely(fill);
        }
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
        safely(fill).onComplete(result -> {
            if (result.failed() || result.result() == null) {
                gen.responses.remove(key, promise.future());
            } else if (!keep(result.result())) {
                // an answer with errors, or past the budget: later asks of this version go to the endpoint directly
                // instead of paying a loopback each time
                gen.responses.replace(key, promise.future(), Future.failedFuture(ANSWER_DIRECTLY));
            }
            promise.handle(result);
        });
        return promise.future();
    }

    /** A fill that throws instead of failing its future would leave waiters on the key hanging. */
    private static Future<Cached> safely(Supplier<Future<Cached>> fill) {
        try {
            return fill.get();
        } catch (RuntimeException e) {
            return Future.failedFuture(e);
        }
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
     * The shape of a GraphQL request body (see {@link QueryShape}), read once per distinct small body. Large bodies
     * (a parse preview's document) are read each time and never kept: remembering them would let distinct large
     * requests fill the heap.
     */
    QueryShape shape(String body) {
        if (body.length() > MAX_KEY_CHARS) {
            return read(body);
        }
        QueryShape known = shapes.get(body);
        if (known != null) {
            return known;
        }
        QueryShape shape = read(body);
        if (shapes.size() >= MAX_DECISIONS) {
            shapes.clear();
        }
        shapes.put(body, shape);
        return shape;
    }

    /**
     * Reads a body once: what is wrong with it as a GraphQL request (the engine would answer a 500 to
     * {@code "variables": "text"}), else the shape of its query.
     */
    private static QueryShape read(String body) {
        Object parsed;
        try {
            // raw line breaks and tabs inside strings are not JSON, but the endpoint accepts them (it drops them
            // before parsing, for clients sending text blocks): read the body as it will, or limits could be evaded
            parsed = io.vertx.core.json.Json.decodeValue(body.replace('\r', ' ').replace('\n', ' ').replace('\t', ' '));
        } catch (RuntimeException e) {
            return QueryShape.notARequest("the body is not valid JSON");
        }
        if (!(parsed instanceof JsonObject request)) {
            return QueryShape.notARequest("the body must be a JSON object with a query (and optional variables and"
                    + " operationName)");
        }
        Object variables = request.getValue("variables");
        if (variables != null && !(variables instanceof JsonObject)) {
            return QueryShape.notARequest("variables must be a JSON object of variable names to values");
        }
        Object operation = request.getValue("operationName");
        if (operation != null && !(operation instanceof String)) {
            return QueryShape.notARequest("operationName must be text");
        }
        if (!(request.getValue("query") instanceof String query)) {
            return QueryShape.notARequest("query must be the text of a GraphQL document");
        }
        return QueryShape.of(query).named((String) operation);
    }

    /** A strong validator of a response: its data version and a digest of its bytes. */
    static String etag(long version, Buffer body) {
        return "\"" + version + "-" + DigestUtils.sha256Hex(body.getBytes()).substring(0, 24) + "\"";
    }
}
