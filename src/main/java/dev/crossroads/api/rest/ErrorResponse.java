package dev.crossroads.api.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error answer of the REST API. */
public record ErrorResponse(int status, String error, String message) {

    /** A JSON error answer with this status and message. */
    static Response of(Response.Status status, String message) {
        return of(status.getStatusCode(), message);
    }

    /** Any status; 422 has no {@link Response.Status} constant. */
    static Response of(int status, String message) {
        Response.Status known = Response.Status.fromStatusCode(status);
        String phrase = known != null ? known.getReasonPhrase() : status == 422 ? "Unprocessable Content" : "Error";
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(status, phrase, message)).build();
    }
}
