package dev.crossroads.sync;

import dev.crossroads.db.StoredText;
import org.apache.commons.codec.digest.DigestUtils;

/** SHA-256 of text, hex-encoded: how snapshots and cached files tell new content from old. */
final class Hashing {

    private Hashing() {
    }

    /** The hash of the text's UTF-8 encoding. */
    static String sha256(String text) {
        return DigestUtils.sha256Hex(text);
    }

    /** The hash of text already encoded: its UTF-8 bytes. */
    static String sha256(byte[] utf8) {
        return DigestUtils.sha256Hex(utf8);
    }

    /**
     * The same hash as {@link #sha256(String)}, from the bytes the text was decoded from when they are its UTF-8
     * encoding ({@link StoredText#utf8Bytes}), which spares encoding it again.
     *
     * @param decoded {@code text}'s source bytes, as decoded with UTF-8
     */
    static String sha256(String text, byte[] decoded) {
        return DigestUtils.sha256Hex(StoredText.utf8Bytes(text, decoded));
    }
}
