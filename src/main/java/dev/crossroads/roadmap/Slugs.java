package dev.crossroads.roadmap;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/** URL-safe, stable identifiers from headings: "Event Handler REST" → {@code event-handler-rest}. */
final class Slugs {

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private Slugs() {
    }

    static String slug(String text) {
        String ascii = isAscii(text) ? text
                : MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        String words = ascii.toLowerCase(Locale.ROOT).replace("&", " and ").replace(".net", "dotnet");
        StringBuilder slug = new StringBuilder(words.length());
        boolean dash = false;
        for (int i = 0; i < words.length(); i++) {
            char c = words.charAt(i);
            if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9') {
                if (dash && !slug.isEmpty()) {
                    slug.append('-');
                }
                dash = false;
                slug.append(c);
            } else {
                dash = true;
            }
        }
        return slug.isEmpty() ? "untitled" : slug.toString();
    }

    private static boolean isAscii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

}
