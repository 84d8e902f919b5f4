package dev.crossroads.parity;

import java.util.List;
import java.util.Map;

/**
 * A feature as a catalog (or a maintainer) defines it.
 *
 * @param names per language id, the names that language uses for it (nav entries, table rows, page titles, roadmap
 *              titles) and docs page paths ending in {@code .md}; compared after {@link NameKeys} normalisation
 */
public record CatalogFeature(String id, String name, String group, String description,
        Map<String, List<String>> names) {

    public CatalogFeature {
        names = names == null ? Map.of() : Map.copyOf(names);
    }
}
