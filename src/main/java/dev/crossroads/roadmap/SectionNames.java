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
    private static final Pattern TITLE = Pattern.compile(".*\\broadmap\\b.*|.*\\bpublic roadmap\\b.*");

    private SectionNames() {
    }

    static String normalise(String title) {
        String lower = Priority.stripSuffix(title).toLowerCase(Locale.ROOT).replace('’', '\'');
        return lower.replaceAll("[\\p{Punct}&&[^'?]]+", " ").replaceAll("\\s+", " ").replaceAll("[ ?]+$", "").strip();
    }

    static Optional<ItemKind> containerKind(String title) {
        String name = normalise(title);
        return CONTAINERS.stream().filter(c -> c.name().matcher(name).matches()).map(Container::kind).findFirst();
    }

    static boolean isAbout(String title) {
        return ABOUT.matcher(normalise(title)).matches();
    }

    static boolean definesStatuses(String title) {
        return STATUS_DEFINITION.matcher(normalise(title)).matches();
    }

    /** "Roadmap", "LocalStack Roadmap", "Lambda Powertools Roadmap": names the page rather than a section. */
    static boolean namesThePage(String title) {
        return TITLE.matcher(normalise(title)).matches();
    }
}
