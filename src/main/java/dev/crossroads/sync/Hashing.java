package dev.crossroads.sync;

import org.apache.commons.codec.digest.DigestUtils;

/** SHA-256 of text, hex-encoded: how snapshots and cached files tell new content from old. */
final class Hashing {

    private Hashing() {
    }

    /** The hash of the text's UTF-8 encoding. */
    static String sha256(String text) {
        return DigestUtils.sha256Hex(text);
    }

    /**
     * The same hash as {@link #sha256(String)}, from the bytes the text was decoded from when they are its UTF-8
     * encoding, which spares encoding it again (a docs page with one character outside Latin-1 is encoded char by
     * char). They are unless decoding replaced something: malformed input becomes U+FFFD, so text without U+FFFD
     * round-trips to its bytes exactly; text with one (rare) is encoded to be sure.
     *
     * @param decoded {@code text}'s source bytes, as decoded with UTF-8
     */
    static String sha256(String text, byte[] decoded) {
        return text.indexOf('\uFFFD') < 0 ? DigestUtils.sha256Hex(decoded) : sha256(text);
    }
}
