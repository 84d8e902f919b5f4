package dev.crossroads.parity;

import java.util.List;

/**
 * A canonical feature: one row of the parity matrix, however each language names it.
 *
 * @param id      stable slug, e.g. {@code logger}
 * @param group   e.g. "Core observability", "Event handler"; null when nothing says
 * @param aliases the names each language uses for it, as read (nav entries, table rows, roadmap titles)
 */
public record Feature(String id, String name, String group, String description, List<Alias> aliases) {

    public Feature {
        aliases = List.copyOf(aliases);
    }

    /** One language's name for a feature. */
    public record Alias(String language, String name) {
    }
}
