package dev.crossroads.db;

import io.netty.buffer.Unpooled;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;

/**
 * Large text (a page, a docs bundle) bound to a statement as its UTF-8 bytes, for {@code convert_from($n, 'UTF8')}
 * (or {@code bytea[]} unnested the same way) to turn back into text. PostgreSQL checks the encoding there as it
 * checks a text parameter, so what is stored is the same; the difference is the cost. Bound as text, the driver
 * encoded it one character at a time: the sync's full run spent 32 ms of JVM CPU and 22 ms of PostgreSQL's that
 * way, 30 and 14 ms with bytes (docs/benchmarks.md, fourth pass at the full sync).
 */
public final class StoredText {

    private StoredText() {
    }

    /** The text's UTF-8 bytes, or null for null. */
    public static Buffer utf8(String text) {
        return text == null ? null : wrap(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Text already encoded, as a buffer over the same array (Buffer.buffer(byte[]) would copy it). */
    public static Buffer wrap(byte[] utf8) {
        return Buffer.buffer(Unpooled.wrappedBuffer(utf8));
    }

    /**
     * {@code text}'s UTF-8 encoding without encoding it again when possible: {@code decodedFrom} itself unless
     * decoding replaced something (a page with one character outside Latin-1 is encoded char by char). Malformed
     * input becomes U+FFFD, so text without U+FFFD round-trips to its bytes exactly; text with one (rare) is encoded
     * to be sure, so that what is stored is always valid UTF-8 and the text read.
     *
     * @param decodedFrom the bytes {@code text} was decoded from with UTF-8
     */
    public static byte[] utf8Bytes(String text, byte[] decodedFrom) {
        return text.indexOf('\uFFFD') < 0 ? decodedFrom : text.getBytes(StandardCharsets.UTF_8);
    }
}
