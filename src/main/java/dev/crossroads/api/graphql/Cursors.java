package dev.crossroads.api.graphql;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * Opaque cursors of the connections: a kind and a position, base64url-encoded, so a cursor from one connection is
 * refused by another with a clear error rather than misread.
 */
final class Cursors {

    private Cursors() {
    }

    static String encode(String kind, long position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((kind + ":" + position)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor names; 0 for none. */
    static long decode(String kind, String cursor, String connection) throws GraphQLErrors.BadArgument {
        if (cursor == null || cursor.isBlank()) {
            return 0;
        }
        try {
            String text = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
            if (!text.startsWith(kind + ":")) {
                throw new IllegalArgumentException(text);
            }
            return Math.max(0, Long.parseLong(text.substring(kind.length() + 1)));
        } catch (IllegalArgumentException e) {
            throw new GraphQLErrors.BadArgument("'" + cursor + "' is not a cursor from a " + connection + " page");
        }
    }
}
