package dev.crossroads.api.rest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import dev.crossroads.api.http.RefusedRequests;
import io.quarkus.logging.Log;
import jakarta.inject.Inject;
import jakarta.ws.rs.NotAcceptableException;
import jakarta.ws.rs.NotSupportedException;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Client mistakes the REST layer catches before a resource runs, answered as JSON with a message saying what to
 * send instead, and logged as one WARN line at most every few seconds: bad input is the client's, not an incident.
 */
public class ClientErrorMappers {

    private static final long QUIET_NANOS = 10_000_000_000L;
    private static final AtomicLong LAST_WARNING = new AtomicLong(System.nanoTime() - QUIET_NANOS);

    @Inject
    RefusedRequests refused;

    @ServerExceptionMapper
    Response unsupportedMediaType(NotSupportedException e) {
        refused.count(RefusedRequests.Limit.MEDIA_TYPE);
        return ErrorResponse.of(Response.Status.UNSUPPORTED_MEDIA_TYPE, "this endpoint does not take that Content-Type:"
                + " send a roadmap as text/markdown, a docs tree as application/json or multipart/form-data");
    }

    @ServerExceptionMapper
    Response notAcceptable(NotAcceptableException e) {
        return ErrorResponse.of(Response.Status.NOT_ACCEPTABLE, "this endpoint answers application/json");
    }

    @ServerExceptionMapper
    Response wrongJson(MismatchedInputException e) {
        String field = e.getPath().isEmpty() ? "the body" : "'" + e.getPath().get(e.getPath().size() - 1)
                .getFieldName() + "'";
        return ErrorResponse.of(Response.Status.BAD_REQUEST, field + " has the wrong type: mkdocs and index are text,"
                + " pages is an object of page path to text");
    }

    @ServerExceptionMapper
    Response unreadableJson(JsonProcessingException e) {
        return ErrorResponse.of(Response.Status.BAD_REQUEST, "the body is not valid JSON: "
                + e.getOriginalMessage());
    }

    /**
     * A body that ends before its multipart form does (no closing boundary) surfaces as an I/O error of the form
     * parser: the client's malformed request, not a failure of ours.
     */
    @ServerExceptionMapper
    Response unreadableBody(java.io.IOException e) {
        warnQuietly("A request body could not be read", e);
        return ErrorResponse.of(Response.Status.BAD_REQUEST, "the body could not be read as sent: " + e.getMessage()
                + " (a multipart form must end with its closing boundary, --<boundary>--)");
    }

    /** Logs client mistakes quietly: one line, and at most one per {@link #QUIET_NANOS}. */
    static void warnQuietly(String what, Throwable e) {
        long now = System.nanoTime();
        long last = LAST_WARNING.get();
        if (now - last >= QUIET_NANOS && LAST_WARNING.compareAndSet(last, now)) {
            Log.warnf("%s: %s (further such warnings are suppressed for 10 s)", what, e.toString());
        }
    }
}
