package dev.crossroads.roadmap;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** URL-safe, stable identifiers from headings: "Event Handler REST" → {@code event-handler-rest}. */
final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");
    private static final Pattern NON_ALNUM = Pattern.compile("[^a-z0-9]+");
    private static final Pattern EDGE_DASHES = Pattern.compile("(^-+|-+$)");

    private Slugs() {
    }

    static String slug(String text) {
        String ascii = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String words = ascii.toLowerCase(Locale.ROOT).replace("&", " and ").replace(".net", "dotnet");
        String slug = EDGE_DASHES.matcher(NON_ALNUM.matcher(words).replaceAll("-")).replaceAll("");
        return slug.isEmpty() ? "untitled" : slug;
    }

    static String path(List<String> segments) {
        return segments.stream().map(Slugs::slug).collect(Collectors.joining("/"));
    }
}
