package dev.crossroads.api.rest;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The body of every error answer of the REST API. */
public record ErrorResponse(int status, String error, String message) {

    /** A JSON error answer with this status and message. */
    static Response of(Response.Status status, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(status.getStatusCode(), status.getReasonPhrase(), message)).build();
    }

    /** For statuses {@link Response.Status} has no constant for (422). */
    static Response of(int status, String message) {
        String phrase = status == 422 ? "Unprocessable Content" : "Error";
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(new ErrorResponse(status, phrase, message)).build();
    }
}
