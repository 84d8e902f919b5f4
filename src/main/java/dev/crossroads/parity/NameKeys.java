package dev.crossroads.parity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reduces a feature's name to the keys alignment compares: "Logger" and "Logging" both become {@code logg},
 * "Idempotency utility" becomes {@code idempotency}, "EventHandler" and "Event Handler" both {@code event handl}.
 * Case, punctuation, CamelCase, filler words (utility, module, support, Powertools…) and common endings
 * (-er, -ing, -or, -ion, -ation, plural s) do not matter; a parenthesised qualifier gives a second key without it, so
 * "Parser (Pydantic)" also answers to {@code pars}.
 */
public final class NameKeys {

    private static final Set<String> FILLER = Set.of("utility", "utilities", "util", "utils", "module", "modules",
            "support", "supports", "supported", "powertools", "aws", "lambda", "for", "the", "a", "an", "of", "with",
            "library", "package", "feature", "features", "new", "to", "in", "on", "and");
    private static final List<String> ENDINGS = List.of("ation", "ator", "ing", "ion", "er", "or");
    private static final java.util.regex.Pattern CAMEL = java.util.regex.Pattern.compile("([a-z0-9])([A-Z])");
    private static final java.util.regex.Pattern NOT_WORD = java.util.regex.Pattern.compile("[^a-z0-9]+");
    private static final java.util.regex.Pattern SLUG_EDGES = java.util.regex.Pattern.compile("^-+|-+$");

    private NameKeys() {
    }

    /** The keys of a name: its normalised form and, if it has a parenthesised part, the form without it. */
    public static Set<String> of(String name) {
        Set<String> keys = new LinkedHashSet<>();
        if (name == null) {
            return keys;
        }
        add(keys, name);
        int open = name.indexOf('(');
        if (open > 0) {
            add(keys, name.substring(0, open));
        }
        return keys;
    }

    /** The one normalised form of a name (empty when nothing but filler is left). */
    public static String key(String name) {
        return String.join(" ", tokens(name));
    }

    /** An id for a feature named so: lowercase words joined by hyphens, e.g. "Data Masking" → {@code data-masking}. */
    public static String slug(String name) {
        String spaced = CAMEL.matcher(name).replaceAll("$1 $2").toLowerCase(Locale.ROOT);
        String slug = SLUG_EDGES.matcher(NOT_WORD.matcher(spaced).replaceAll("-")).replaceAll("");
        if (slug.length() > 100) {
            slug = slug.substring(0, 100).replaceAll("-+$", "");
        }
        return slug.isEmpty() ? "feature" : slug;
    }

    /** The name of a docs page from its path: {@code utilities/data_masking.md} → "data masking". */
    public static String pageStem(String pagePath) {
        if (pagePath == null) {
            return null;
        }
        String path = withoutPageSuffix(pagePath);
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.replace('_', ' ').replace('-', ' ');
    }

    /** The folder a page's sub-pages would live in: {@code core/metrics.md} → {@code core/metrics/}. */
    public static String pageFolder(String pagePath) {
        if (pagePath == null) {
            return null;
        }
        return withoutPageSuffix(pagePath) + "/";
    }

    /**
     * The path without what ends a page's address: trailing slashes, then {@code .md}, then {@code /index}
     * ({@code core/index.md} → {@code core}, {@code core/metrics.md/} → {@code core/metrics}).
     */
    static String withoutPageSuffix(String pagePath) {
        int end = pagePath.length();
        while (end > 0 && pagePath.charAt(end - 1) == '/') {
            end--;
        }
        if (end >= 3 && pagePath.startsWith(".md", end - 3)) {
            end -= 3;
        }
        if (end >= 6 && pagePath.startsWith("/index", end - 6)) {
            end -= 6;
        }
        return pagePath.substring(0, end);
    }

    /** The normalised words of a name, in order. */
    public static List<String> tokens(String name) {
        List<String> tokens = new ArrayList<>();
        if (name == null) {
            return tokens;
        }
        if (!isAscii(name)) {
            // lowercasing may turn a letter into ASCII ones (the Kelvin sign into k): the general path, by the rules
            String spaced = CAMEL.matcher(name).replaceAll("$1 $2").toLowerCase(Locale.ROOT);
            for (String word : NOT_WORD.split(spaced)) {
                addWord(tokens, word);
            }
            return tokens;
        }
        // the same rules in one pass (a rebuild of 10,000 features tokenises every name, each time): words are runs
        // of letters and digits, lowercased, and a capital after a lowercase letter or digit starts a new one
        StringBuilder word = new StringBuilder();
        char previous = ' ';
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean upper = c >= 'A' && c <= 'Z';
            boolean lowerOrDigit = c >= 'a' && c <= 'z' || c >= '0' && c <= '9';
            if (upper && (previous >= 'a' && previous <= 'z' || previous >= '0' && previous <= '9')
                    || !upper && !lowerOrDigit) {
                addWord(tokens, word.toString());
                word.setLength(0);
            }
            if (upper) {
                word.append((char) (c + ('a' - 'A')));
            } else if (lowerOrDigit) {
                word.append(c);
            }
            previous = c;
        }
        addWord(tokens, word.toString());
        return tokens;
    }

    private static void addWord(List<String> tokens, String word) {
        if (!word.isEmpty() && !FILLER.contains(word)) {
            tokens.add(stem(word));
        }
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 127) {
                return false;
            }
        }
        return true;
    }

    private static void add(Set<String> keys, String name) {
        String key = key(name);
        if (!key.isEmpty()) {
            keys.add(key);
        }
    }

    static String stem(String word) {
        String w = word;
        if (w.length() > 3 && w.endsWith("s") && !w.endsWith("ss")) {
            w = w.substring(0, w.length() - 1);
        }
        for (String ending : ENDINGS) {
            if (w.length() - ending.length() >= 3 && w.endsWith(ending)) {
                return w.substring(0, w.length() - ending.length());
            }
        }
        return w;
    }
}
