package dev.crossroads.api.graphql;

import dev.crossroads.config.CrossroadsConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The limits of one GraphQL request ({@code crossroads.graphql.*}), each with the error code that names it. The
 * landing-page matrix query has 2 root fields, about 40 fields and depth 5; the limits leave room for far more. The
 * introspection switch is checked here too: the schema fields are refused before the engine sees them.
 */
@ApplicationScoped
class QueryLimits {

    private final CrossroadsConfig.Graphql limits;

    QueryLimits(CrossroadsConfig config) {
        this.limits = config.graphql();
    }

    /** {@code CODE: message} for the first limit the request is over, or null. */
    String refusal(QueryShape shape) {
        if (QueryShape.TOO_MANY_TOKENS.equals(shape.parseError())) {
            return "QUERY_TOO_LARGE: " + QueryShape.TOO_MANY_TOKENS;
        }
        if (QueryShape.FRAGMENT_CYCLE.equals(shape.parseError())) {
            return "QUERY_INVALID: " + QueryShape.FRAGMENT_CYCLE;
        }
        if (shape.rootFields() > limits.maxRootFields()) {
            return "QUERY_TOO_MANY_ROOT_FIELDS: the query asks for " + shape.rootFields() + " root fields (aliases"
                    + " included); at most " + limits.maxRootFields() + " (crossroads.graphql.max-root-fields)";
        }
        if (shape.fields() > limits.maxFields()) {
            return "QUERY_TOO_COMPLEX: the query selects " + shape.fields() + " fields; at most "
                    + limits.maxFields() + " (crossroads.graphql.max-fields)";
        }
        if (shape.depth() > limits.maxDepth()) {
            return "QUERY_TOO_DEEP: the query nests " + shape.depth() + " levels; at most " + limits.maxDepth()
                    + " (crossroads.graphql.max-depth)";
        }
        if (shape.expensiveFields() > limits.maxExpensiveFields()) {
            return "QUERY_TOO_EXPENSIVE: the query asks for " + shape.expensiveFields() + " root fields that read the"
                    + " database (" + String.join(", ", new java.util.TreeSet<>(QueryShape.EXPENSIVE_FIELDS))
                    + "); at most " + limits.maxExpensiveFields() + " (crossroads.graphql.max-expensive-fields)";
        }
        if (shape.introspection() && !limits.introspection()) {
            return "INTROSPECTION_DISABLED: __schema and __type are switched off (crossroads.graphql.introspection)";
        }
        return null;
    }
}
