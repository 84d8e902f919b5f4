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

    @ErrorCode("ADMIN_DISABLED")
    public static class AdminDisabled extends Exception {
        public AdminDisabled() {
            super("admin operations are disabled: set crossroads.admin.token (env CROSSROADS_ADMIN_TOKEN)");
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
