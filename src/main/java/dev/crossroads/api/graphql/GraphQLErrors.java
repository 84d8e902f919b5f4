package dev.crossroads.api.graphql;

import io.smallrye.graphql.api.ErrorCode;

/**
 * Errors clients can act on, each with its code. Checked on purpose: SmallRye GraphQL shows the messages of checked
 * exceptions and masks unchecked ones.
 */
public final class GraphQLErrors {

    private GraphQLErrors() {
    }

    @ErrorCode("UNAUTHORIZED")
    public static class Unauthorized extends Exception {
        public Unauthorized(String message) {
            super(message);
        }
    }

    /** Valid credentials without the admin role. */
    @ErrorCode("FORBIDDEN")
    public static class Forbidden extends Exception {
        public Forbidden(String message) {
            super(message);
        }
    }

    @ErrorCode("ADMIN_DISABLED")
    public static class AdminDisabled extends Exception {
        public AdminDisabled() {
            super("admin operations are disabled: set crossroads.admin.token (env CROSSROADS_ADMIN_TOKEN) or a JWT key"
                    + " (env MP_JWT_VERIFY_PUBLICKEY_LOCATION)");
        }
    }

    /** A {@code first:} / {@code last:} over {@code crossroads.graphql.max-page-size}. */
    @ErrorCode("PAGE_TOO_LARGE")
    public static class PageTooLarge extends Exception {
        public PageTooLarge(String message) {
            super(message);
        }
    }

    @ErrorCode("SYNC_BUSY")
    public static class SyncBusy extends Exception {
        public SyncBusy(String message) {
            super(message);
        }
    }

    @ErrorCode("BAD_ARGUMENT")
    public static class BadArgument extends Exception {
        public BadArgument(String message) {
            super(message);
        }
    }

    @ErrorCode("INVALID_QUERY")
    public static class InvalidQuery extends Exception {
        public InvalidQuery(String message) {
            super(message);
        }
    }

    @ErrorCode("NOT_FOUND")
    public static class NotFound extends Exception {
        public NotFound(String message) {
            super(message);
        }
    }
}
