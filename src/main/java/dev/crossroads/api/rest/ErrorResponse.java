package dev.crossroads.api.rest;

/** The body of every error answer of the REST API. */
public record ErrorResponse(int status, String error, String message) {
}
