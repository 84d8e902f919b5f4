package dev.crossroads.sync;

import org.apache.commons.codec.digest.DigestUtils;

/** SHA-256 of text, hex-encoded: how snapshots and cached files tell new content from old. */
final class Hashing {

    private Hashing() {
    }

    static String sha256(String text) {
        return DigestUtils.sha256Hex(text);
    }
}
