package dev.crossroads.source.github;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class RedactionTests {

    private static final String CLASSIC = "ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8";
    private final Redaction redaction = new Redaction(List.of("s3cret-value-42"));

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "classic PAT          | bad credentials ghp_A1b2C3d4E5f6G7h8I9j0K1l2M3n4O5p6Q7r8 here  | bad credentials [redacted] here",
        "OAuth                | gho_16C7e42F292c6912E7710c838347Ae178B4a                       | [redacted]",
        "user-to-server       | (ghu_16C7e42F292c6912E7710c838347Ae178B4a)                     | ([redacted])",
        "server-to-server     | token was ghs_16C7e42F292c6912E7710c838347Ae178B4a.            | token was [redacted].",
        "refresh              | ghr_1B4a2e77838347a7E420ce178F2E7c6912E169246c34E1ccbF66C46812d | [redacted]",
        "fine-grained PAT     | github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz0123456789ABCDEF | [redacted]",
        "bearer value         | sent Authorization: Bearer abc.def-ghi_jkl to the host          | sent Authorization: Bearer [redacted] to the host",
        "lower-case bearer    | bearer eyJhbGciOiJIUzI1NiJ9.e30.sig                            | bearer [redacted]",
        "token scheme         | \"Authorization\": \"token 0123abcd\"                              | \"Authorization\": \"token [redacted]\"",
        "old 40-hex token     | token 0123456789abcdef0123456789abcdef01234567 refused          | token [redacted] refused",
        "query parameter      | GET /x?access_token=abc123&page=2                              | GET /x?access_token=[redacted]&page=2",
        "configured secret    | the token s3cret-value-42 is not valid                         | the token [redacted] is not valid",
        "secret in a word     | xs3cret-value-42y                                              | x[redacted]y"})
    void credentialsAreReplaced(String what, String text, String expected) {
        assertThat(redaction.apply(text)).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "the board does not exist or the token cannot see it",
        "skipped: no token (set GITHUB_TOKEN to read boards)",
        "GitHub GraphQL error NOT_FOUND: Could not resolve to a ProjectV2",
        "HTTP 502 from api.github.com",
        "250 cards from 3 pages of https://github.com/orgs/aws-powertools/projects/3",
        "rate limited by api.github.com (HTTP 403); asked to wait 3600 s",
        "a token-shaped word such as ghp_short stays"})
    void ordinaryMessagesAreLeftAlone(String text) {
        assertThat(redaction.apply(text)).isEqualTo(text);
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String once = redaction.apply("Authorization: Bearer " + CLASSIC + " and Bearer s3cret-value-42");

        assertThat(once).isEqualTo("Authorization: Bearer [redacted] and Bearer [redacted]");
        assertThat(redaction.apply(once)).isEqualTo(once);
    }

    @Test
    void blankSecretsAndNullTextAreHarmless() {
        Redaction none = new Redaction(Arrays.asList("", " ", null));

        assertThat(none.apply(null)).isNull();
        assertThat(none.apply("plain text")).isEqualTo("plain text");
        assertThat(Redaction.shapes("see " + CLASSIC)).isEqualTo("see [redacted]");
    }

    @Test
    void aSecretContainingAnotherIsReplacedWhole() {
        Redaction nested = new Redaction(List.of("abcd1234", "abcd1234-longer"));

        assertThat(nested.apply("x abcd1234-longer y")).isEqualTo("x [redacted] y");
    }
}
