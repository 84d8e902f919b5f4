package dev.crossroads.report;

import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.DigestUtils;

/**
 * A report or feed as sent: its bytes, media type and a strong validator.
 *
 * @param etag   the data version and a digest of the bytes, quoted: equal bytes, equal tag
 * @param notice why there is nothing to show, when there is not (the CSV carries it only here); else null
 */
public record Rendered(byte[] body, String contentType, String etag, String notice, long dataVersion) {

    public static Rendered of(String text, String contentType, String notice, long dataVersion) {
        byte[] body = text.getBytes(StandardCharsets.UTF_8);
        return new Rendered(body, contentType,
                "\"" + dataVersion + "-" + DigestUtils.sha256Hex(body).substring(0, 24) + "\"", notice, dataVersion);
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }
}
