package dev.crossroads.roadmap;

import java.util.List;
import java.util.Map;

/**
 * Everything read from one roadmap page.
 *
 * @param title            front matter title, else the page's H1; null when it has neither
 * @param frontMatter      YAML front matter keys and their values
 * @param statusVocabulary status names the page defines for its board, in the page's order
 */
public record RoadmapDocument(String title, Map<String, List<String>> frontMatter, List<String> statusVocabulary,
        List<RoadmapSection> sections, List<RoadmapItem> items, List<ParseWarning> warnings) {

    public RoadmapDocument {
        frontMatter = Map.copyOf(frontMatter);
        statusVocabulary = List.copyOf(statusVocabulary);
        sections = List.copyOf(sections);
        items = List.copyOf(items);
        warnings = List.copyOf(warnings);
    }
}
