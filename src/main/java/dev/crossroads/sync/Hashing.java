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

    /** The same hash as {@link #sha256(String)}, of text already encoded: its UTF-8 bytes. */
    static String sha256(byte[] utf8) {
        return DigestUtils.sha256Hex(utf8);
    }
}
