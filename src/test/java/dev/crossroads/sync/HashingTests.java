package dev.crossroads.sync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.db.StoredText;
import java.nio.charset.StandardCharsets;
import org.apache.commons.codec.digest.DigestUtils;
import org.junit.jupiter.api.Test;

class HashingTests {

    @Test
    void receivedBytesHashAsTheTextDecodedFromThem() {
        for (String text : new String[] {"", "plain ASCII\n", "Café, naïve — “quoted” → 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢\n", "\uFEFFwith a BOM"}) {
            byte[] received = text.getBytes(StandardCharsets.UTF_8);
            String decoded = new String(received, StandardCharsets.UTF_8);

            assertThat(Hashing.sha256(StoredText.utf8Bytes(decoded, received))).isEqualTo(Hashing.sha256(text))
                    .isEqualTo(DigestUtils.sha256Hex(received));
        }
    }

    @Test
    void malformedBytesHashAsTheTextStoredNotAsReceived() {
        // a stray continuation byte, a truncated sequence, an overlong '/' and an encoded surrogate: each decodes to
        // U+FFFD, so the stored text no longer encodes to the bytes received
        byte[] received = {'a', (byte) 0x80, 'b', (byte) 0xE2, (byte) 0x82, 'c', (byte) 0xC0, (byte) 0xAF,
                (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        String decoded = new String(received, StandardCharsets.UTF_8);

        assertThat(decoded).contains("\uFFFD");
        assertThat(Hashing.sha256(StoredText.utf8Bytes(decoded, received))).isEqualTo(Hashing.sha256(decoded))
                .isNotEqualTo(DigestUtils.sha256Hex(received));
    }

    @Test
    void aReplacementCharacterSentAsSuchHashesTheSameEitherWay() {
        String text = "unknown glyph: \uFFFD";
        byte[] received = text.getBytes(StandardCharsets.UTF_8);

        assertThat(Hashing.sha256(StoredText.utf8Bytes(new String(received, StandardCharsets.UTF_8), received)))
                .isEqualTo(Hashing.sha256(text));
    }
}
