package dev.crossroads.api.graphql;

import dev.crossroads.config.CrossroadsConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Page sizes ({@code first:}, {@code last:}): below 1 reads as 1; above {@code crossroads.graphql.max-page-size} is
 * refused with {@code PAGE_TOO_LARGE} naming the limit, so a client learns the limit instead of silently getting a
 * shorter page than it asked for.
 */
@ApplicationScoped
class PageSize {

    /** The page size argument's description in the schema. */
    static final String DESCRIPTION = "Page size, 1 to 100 (crossroads.graphql.max-page-size); more is refused.";

    private final int max;
    private final dev.crossroads.api.http.RefusedRequests refused;

    PageSize(CrossroadsConfig config, dev.crossroads.api.http.RefusedRequests refused) {
        this.max = config.graphql().maxPageSize();
        this.refused = refused;
    }

    int of(String argument, int asked) throws GraphQLErrors.PageTooLarge {
        if (asked > max) {
            refused.count(dev.crossroads.api.http.RefusedRequests.Limit.GRAPHQL_PAGE_SIZE);
            throw new GraphQLErrors.PageTooLarge(argument + ": " + asked + " is over the page size limit of " + max
                    + " (crossroads.graphql.max-page-size)");
        }
        return Math.max(1, asked);
    }
}
