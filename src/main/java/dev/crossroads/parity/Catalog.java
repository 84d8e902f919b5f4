package dev.crossroads.parity;

import java.util.List;

/** The canonical features of a family, in display order; empty when alignment runs on its own. */
public record Catalog(List<CatalogFeature> features) {

    public static final Catalog NONE = new Catalog(List.of());

    public Catalog {
        features = List.copyOf(features);
    }
}
