package dev.crossroads.preview;

/** A document sent for preview cannot be read; {@link #reason()} says why in terms a client can act on. */
public final class InvalidDocumentException extends RuntimeException {

    /** Why a document was refused; each maps to one HTTP status and one GraphQL error code. */
    public enum Reason {
        TOO_LARGE, NOT_TEXT, UNSUPPORTED_MEDIA_TYPE, UNREADABLE,
        /** Reading it took longer than the parse budget. */
        TOO_COMPLEX,
        /** As many previews as allowed are running; try again in a moment. */
        BUSY
    }

    private final Reason reason;

    public InvalidDocumentException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
