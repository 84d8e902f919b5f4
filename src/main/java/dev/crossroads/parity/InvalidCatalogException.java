package dev.crossroads.parity;

/** A catalog or curation document that cannot be used; the message says where and why. */
public class InvalidCatalogException extends RuntimeException {

    public InvalidCatalogException(String message) {
        super(message);
    }
}
