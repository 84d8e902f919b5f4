package dev.crossroads.parity;

/** A curation request that cannot be applied as asked; the message says why. */
public class CurationException extends RuntimeException {

    public CurationException(String message) {
        super(message);
    }
}
