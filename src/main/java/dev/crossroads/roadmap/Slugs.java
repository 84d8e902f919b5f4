package dev.crossroads.roadmap;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** URL-safe, stable identifiers from headings: "Event Handler REST" → {@code event-handler-rest}. */
final class Slugs {

    private Slugs() {
    }

    static String slug(String text) {
        String ascii = Normalizer.normalize(text, Normalizer.Form.NFKD).replaceAll("\\p{M}", "");
        String slug = ascii.toLowerCase(Locale.ROOT).replace("&", " and ").replace(".net", "dotnet")
                .replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return slug.isEmpty() ? "untitled" : slug;
    }

    static String path(List<String> segments) {
        return segments.stream().map(Slugs::slug).collect(Collectors.joining("/"));
    }
}
