package dev.crossroads.roadmap;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/** How settled a documented feature is, as flagged near the top of its page. */
public enum Maturity {
    BETA("\\bbeta\\b"),
    DEVELOPER_PREVIEW("developer preview|\\bpreview\\b"),
    EXPERIMENTAL("\\bexperimental\\b"),
    DEPRECATED("\\bdeprecated\\b|\\bdeprecation\\b"),
    MAINTENANCE("maintenance mode");

    private final Pattern words;

    Maturity(String words) {
        this.words = Pattern.compile(words);
    }

    static List<Maturity> foundIn(String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        return java.util.Arrays.stream(values()).filter(m -> m.words.matcher(lower).find()).toList();
    }
}
