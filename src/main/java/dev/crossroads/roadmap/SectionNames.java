package dev.crossroads.roadmap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a heading's words say about its section. Roadmap pages reuse a small set of section names across
 * runtimes and years; heading levels, on the other hand, shift from page to page, so names are what we trust.
 */
final class SectionNames {

    private record Container(Pattern name, ItemKind kind) {
    }

    private static final List<Container> CONTAINERS = List.of(
            new Container(Pattern.compile("(current |main |key )?themes?"), ItemKind.THEME),
            new Container(Pattern.compile("key (areas?|initiatives?)|focus areas?|areas of focus"), ItemKind.KEY_AREA),
            new Container(Pattern.compile("launched|shipped|released|recently (launched|shipped|released)"),
                    ItemKind.LAUNCHED),
            new Container(Pattern.compile("dropped|won'?t do|cancell?ed|abandoned"), ItemKind.DROPPED),
            new Container(Pattern.compile("(main )?(streams? of work|work ?streams?)"), ItemKind.STREAM),
            new Container(Pattern.compile("roadmap items?|upcoming|planned|in progress|next up|now|next|later"),
                    ItemKind.OTHER));

    /** Sections that explain the roadmap rather than list work. */
    private static final Pattern ABOUT = Pattern.compile(
            "overview|introduction|about( this roadmap)?|roadmap status definitions?|status definitions?"
                    + "|roadmap structure|process(es)?|disclaimers?|faqs?|frequently asked questions"
                    + "|missing something.*|security( disclosures)?|licen[cs]e|tenets|priorities and timelines"
                    + "|how (to|can).*|contributing|feedback|legend|table of contents|getting help|support"
                    + "|visual representation|what'?s? (is )?(on )?(the|our) roadmap.*");
    private static final Pattern STATUS_DEFINITION = Pattern.compile(
            "(roadmap )?status definitions?|roadmap structure|statuses|status values|legend");


    private SectionNames() {
    }

    /** Lower case, punctuation (but apostrophes and question marks) as single spaces, no trailing "?". */
    static String normalise(String title) {
        String lower = Priority.stripSuffix(title).toLowerCase(Locale.ROOT);
        StringBuilder out = new StringBuilder(lower.length());
        boolean space = false;
        for (int i = 0; i < lower.length(); i++) {
            char c = lower.charAt(i) == '’' ? '\'' : lower.charAt(i);
            boolean separator = Character.isWhitespace(c) || c < 0x80 && !Character.isLetterOrDigit(c) && c != '\''
                    && c != '?';
            if (separator) {
                space = true;
            } else {
                if (space && !out.isEmpty()) {
                    out.append(' ');
                }
                space = false;
                out.append(c);
            }
        }
        int end = out.length();
        while (end > 0 && (out.charAt(end - 1) == '?' || out.charAt(end - 1) == ' ')) {
            end--;
        }
        return out.substring(0, end);
    }

    /** Every container and explanatory name starts with one of these words; most headings are rejected here. */
    private static final java.util.Set<String> CONTAINER_FIRST_WORDS = java.util.Set.of("current", "main", "key",
            "theme", "themes", "focus", "areas", "launched", "shipped", "released", "recently", "dropped", "won't",
            "wont", "cancelled", "canceled", "abandoned", "stream", "streams", "work", "workstream", "workstreams",
            "roadmap", "upcoming", "planned", "in", "next", "now", "later");
    private static final java.util.Set<String> ABOUT_FIRST_WORDS = java.util.Set.of("overview", "introduction",
            "about", "roadmap", "status", "statuses", "process", "processes", "disclaimer", "disclaimers", "faq",
            "faqs", "frequently", "missing", "security", "license", "licence", "tenets", "priorities", "how",
            "contributing", "feedback", "legend", "table", "getting", "support", "visual", "what", "what's", "whats");

    private static String firstWord(String name) {
        int space = name.indexOf(' ');
        return space < 0 ? name : name.substring(0, space);
    }

    static Optional<ItemKind> containerKindOfNormalised(String name) {
        if (!CONTAINER_FIRST_WORDS.contains(firstWord(name))) {
            return Optional.empty();
        }
        for (Container container : CONTAINERS) {
            if (container.name().matcher(name).matches()) {
                return Optional.of(container.kind());
            }
        }
        return Optional.empty();
    }

    static boolean isAboutNormalised(String name) {
        return ABOUT_FIRST_WORDS.contains(firstWord(name)) && ABOUT.matcher(name).matches();
    }

    static boolean definesStatusesNormalised(String name) {
        return ABOUT_FIRST_WORDS.contains(firstWord(name)) && STATUS_DEFINITION.matcher(name).matches();
    }

    /** "Roadmap", "LocalStack Roadmap", "Lambda Powertools Roadmap": names the page rather than a section. */
    static boolean namesThePageNormalised(String name) {
        return name.contains("roadmap");
    }
}
