package dev.crossroads.source.github;

import dev.crossroads.config.CrossroadsConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Takes credentials out of text that came from elsewhere (GitHub's error messages, exception text) before it is
 * stored, served or logged: anything shaped like a GitHub token ({@code ghp_}, {@code gho_}, {@code ghu_},
 * {@code ghs_}, {@code ghr_}, {@code github_pat_}), the value of a {@code Bearer} or an {@code Authorization:}
 * header, a {@code token=} parameter, {@code token <40 hex>} (GitHub's old token form), and the configured secrets
 * themselves wherever they appear. Each becomes {@value #REDACTED}; the words around it stay.
 */
@Singleton
public final class Redaction {

    public static final String REDACTED = "[redacted]";

    private static final String VALUE = "[^\\s\"'`,;&()<>\\[\\]{}]+";
    private static final List<Pattern> SHAPES = List.of(
            // GitHub's prefixed tokens: classic and fine-grained personal, OAuth, user-to-server, server, refresh
            Pattern.compile("\\b(?:gh[pousr]_[A-Za-z0-9_]{8,}|github_pat_[A-Za-z0-9_]{8,})"),
            // the credential of an Authorization header, whatever its scheme
            Pattern.compile("(?i)(\\bauthorization[\"']?\\s*[:=]\\s*[\"']?(?:(?:bearer|token|basic)\\s+)?+)" + VALUE),
            Pattern.compile("(?i)(\\bbearer\\s+)" + VALUE),
            Pattern.compile("(?i)(\\b[a-z_]*token\\s*=\\s*)" + VALUE),
            Pattern.compile("(?i)(\\btoken\\s+)[0-9a-f]{40}\\b"));

    private final List<String> secrets;

    /** Redacts token shapes and these exact values (blank ones are ignored). */
    public Redaction(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> s != null && !s.isBlank()).map(String::strip).distinct()
                // the longest first, so a secret containing another is replaced whole
                .sorted(Comparator.comparingInt(String::length).reversed()).toList();
    }

    @Inject
    Redaction(CrossroadsConfig config) {
        this(Stream.of(config.github().token(), config.github().webhookSecret(), config.admin().token())
                .flatMap(Optional::stream).toList());
    }

    /** Token shapes only, for text built where the configured secrets are not at hand. */
    public static String shapes(String text) {
        return new Redaction(List.of()).apply(text);
    }

    /** The text with every credential replaced by {@value #REDACTED}; null stays null. */
    public String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String redacted = text;
        for (String secret : secrets) {
            redacted = redacted.replace(secret, REDACTED);
        }
        for (Pattern shape : SHAPES) {
            redacted = shape.matcher(redacted).replaceAll(match -> match.groupCount() == 0
                    ? REDACTED : java.util.regex.Matcher.quoteReplacement(match.group(1)) + REDACTED);
        }
        return redacted;
    }
}
