package dev.crossroads.api.graphql;

import dev.crossroads.preview.InvalidDocumentException;
import io.smallrye.graphql.api.ErrorCode;

/**
 * A document sent to {@code parseRoadmap} cannot be read: too large, not text, or not parseable. Checked on purpose:
 * SmallRye GraphQL shows the messages of checked exceptions to clients and masks unchecked ones.
 */
@ErrorCode("INVALID_DOCUMENT")
public class InvalidDocumentError extends Exception {

    public InvalidDocumentError(InvalidDocumentException cause) {
        super(cause.getMessage());
    }
}
