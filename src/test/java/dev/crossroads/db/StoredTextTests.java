package dev.crossroads.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StoredTextTests {

    @Test
    void textDecodedCleanlyIsStoredAsTheBytesItCameFrom() {
        byte[] received = "Café — 日本語 🚀 𝔘𝔫𝔦𝔠𝔬𝔡𝔢".getBytes(StandardCharsets.UTF_8);
        String decoded = new String(received, StandardCharsets.UTF_8);

        assertThat(StoredText.utf8Bytes(decoded, received)).isSameAs(received);
        assertThat(StoredText.wrap(received).getBytes()).isEqualTo(received);
    }

    @Test
    void malformedBytesAreNotStoredButTheTextTheyDecodedTo() {
        byte[] received = {'a', (byte) 0x80, 'b', (byte) 0xE2, (byte) 0x82, 'c'};
        String decoded = new String(received, StandardCharsets.UTF_8);

        assertThat(StoredText.utf8Bytes(decoded, received)).isEqualTo(decoded.getBytes(StandardCharsets.UTF_8))
                .isNotEqualTo(received);
    }

    @Test
    void aReplacementCharacterSentAsSuchIsEncodedAgainToTheSameBytes() {
        byte[] received = "unknown glyph: \uFFFD".getBytes(StandardCharsets.UTF_8);
        String decoded = new String(received, StandardCharsets.UTF_8);

        assertThat(StoredText.utf8Bytes(decoded, received)).isNotSameAs(received).isEqualTo(received);
    }

    @Test
    void nullTextIsNull() {
        assertThat(StoredText.utf8(null)).isNull();
    }
}
