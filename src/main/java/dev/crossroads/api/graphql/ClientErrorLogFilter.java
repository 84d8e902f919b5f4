package dev.crossroads.api.graphql;

import io.quarkus.logging.LoggingFilter;
import java.util.logging.Filter;
import java.util.logging.LogRecord;

/**
 * SmallRye GraphQL logs every error a data fetcher raises at ERROR (SRGQL012000), our client errors included: a
 * mistyped search query would read like an incident. Those (the checked errors clients are meant to see, with their
 * codes) are dropped from the log; every other error is kept.
 */
@LoggingFilter(name = "graphql-client-errors")
public final class ClientErrorLogFilter implements Filter {

    private static final String DATA_FETCHING_ERROR = "SRGQL012000";
    private static final String[] CLIENT_ERRORS = {GraphQLErrors.class.getName() + "$",
        InvalidDocumentError.class.getName()};

    @Override
    public boolean isLoggable(LogRecord record) {
        if (record.getLoggerName() == null || !record.getLoggerName().startsWith("io.smallrye.graphql")) {
            return true;
        }
        String text = String.valueOf(record.getMessage());
        if (!text.contains(DATA_FETCHING_ERROR)) {
            return true;
        }
        Throwable thrown = record.getThrown();
        String cause = thrown != null ? thrown.getClass().getName() : text + " " + parameters(record);
        for (String clientError : CLIENT_ERRORS) {
            if (cause.startsWith(clientError) || (thrown == null && cause.contains(clientError))) {
                return false;
            }
        }
        return true;
    }

    private static String parameters(LogRecord record) {
        Object[] parameters = record.getParameters();
        if (parameters == null) {
            return "";
        }
        StringBuilder text = new StringBuilder();
        for (Object parameter : parameters) {
            text.append(parameter).append(' ');
        }
        return text.toString();
    }
}
