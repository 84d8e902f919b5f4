package dev.crossroads.api.http;

import dev.crossroads.preview.InvalidDocumentException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Counts the requests each limit refused ({@code crossroads_requests_refused_total{limit="graphql_depth"}}), so an
 * operator sees which limit bites, and whether it is clients or an attack. Every limit's series exists from the
 * start, at zero.
 */
@ApplicationScoped
public class RefusedRequests {

    /** Every limit a request can be refused by; the tag is the lowercase name. */
    public enum Limit {
        /** A body over its route's size ({@link BodyLimits}), 413. */
        BODY_SIZE,
        /** Too many large bodies at once ({@link BodyLimits}), 503. */
        LARGE_BODIES,
        /** {@code crossroads.graphql.max-root-fields}. */
        GRAPHQL_ROOT_FIELDS,
        /** {@code crossroads.graphql.max-fields}. */
        GRAPHQL_FIELDS,
        /** {@code crossroads.graphql.max-depth}. */
        GRAPHQL_DEPTH,
        /** The token limit of one GraphQL document. */
        GRAPHQL_TOKENS,
        /** {@code crossroads.graphql.max-expensive-fields}. */
        GRAPHQL_EXPENSIVE_FIELDS,
        /** {@code crossroads.graphql.max-page-size}. */
        GRAPHQL_PAGE_SIZE,
        /** One {@code parseRoadmap} per GraphQL request. */
        PREVIEWS_PER_REQUEST,
        /** {@code crossroads.parse.max-bytes}, checked on the document itself. */
        PARSE_SIZE,
        /** {@code crossroads.parse.time-budget}. */
        PARSE_TIME,
        /** {@code crossroads.parse.max-concurrent}. */
        PARSE_CONCURRENCY,
        /** A media type the endpoint does not take (415). */
        MEDIA_TYPE;

        public String tag() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final Map<Limit, Counter> counters = new EnumMap<>(Limit.class);

    RefusedRequests(MeterRegistry registry) {
        for (Limit limit : Limit.values()) {
            counters.put(limit, Counter.builder("crossroads.requests.refused").tag("limit", limit.tag())
                    .description("Requests refused by a limit, by the limit").register(registry));
        }
    }

    public void count(Limit limit) {
        counters.get(limit).increment();
    }

    /** Counts a refused preview document when its reason is a limit (not when it was simply unreadable). */
    public void count(InvalidDocumentException.Reason reason) {
        limitOf(reason).ifPresent(this::count);
    }

    static Optional<Limit> limitOf(InvalidDocumentException.Reason reason) {
        return Optional.ofNullable(switch (reason) {
            case TOO_LARGE -> Limit.PARSE_SIZE;
            case TOO_COMPLEX -> Limit.PARSE_TIME;
            case BUSY -> Limit.PARSE_CONCURRENCY;
            case UNSUPPORTED_MEDIA_TYPE -> Limit.MEDIA_TYPE;
            case NOT_TEXT, UNREADABLE -> null;
        });
    }

    /** The limit a GraphQL refusal code ({@code QUERY_TOO_DEEP}) names, if it names one. */
    public static Optional<Limit> limitOfCode(String code) {
        return Optional.ofNullable(switch (code) {
            case "QUERY_TOO_MANY_ROOT_FIELDS" -> Limit.GRAPHQL_ROOT_FIELDS;
            case "QUERY_TOO_COMPLEX" -> Limit.GRAPHQL_FIELDS;
            case "QUERY_TOO_DEEP" -> Limit.GRAPHQL_DEPTH;
            case "QUERY_TOO_LARGE" -> Limit.GRAPHQL_TOKENS;
            case "QUERY_TOO_EXPENSIVE" -> Limit.GRAPHQL_EXPENSIVE_FIELDS;
            case "UNSUPPORTED_MEDIA_TYPE" -> Limit.MEDIA_TYPE;
            default -> null;
        });
    }
}
