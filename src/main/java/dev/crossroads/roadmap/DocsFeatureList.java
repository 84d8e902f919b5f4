package dev.crossroads.roadmap;

import java.util.List;

/** The features a language's documentation lists, read from its mkdocs nav, home page and page headers. */
public record DocsFeatureList(List<DocsFeature> features, List<FeatureTableRow> tableRows,
        List<NameDisagreement> disagreements, List<ParseWarning> warnings) {

    public DocsFeatureList {
        features = List.copyOf(features);
        tableRows = List.copyOf(tableRows);
        disagreements = List.copyOf(disagreements);
        warnings = List.copyOf(warnings);
    }
}
