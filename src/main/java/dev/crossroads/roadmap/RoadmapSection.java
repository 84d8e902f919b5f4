package dev.crossroads.roadmap;

import java.util.List;

/**
 * A heading of the page and what the parser made of it.
 *
 * @param path the heading texts from the outermost section down to this one
 * @param role how the section was read
 */
public record RoadmapSection(List<String> path, int level, SectionRole role, int line) {

    public RoadmapSection {
        path = List.copyOf(path);
    }

    /** How a heading was read. */
    public enum SectionRole {
        /** The page title. */
        TITLE,
        /** Holds roadmap items: Themes, Key areas, Launched, … */
        CONTAINER,
        /** Groups items and may give them a priority, e.g. "Core utilities (p0)". */
        GROUP,
        /** Is itself an item. */
        ITEM,
        /** Explains the roadmap (overview, status definitions, process, FAQ) and holds no items. */
        ABOUT
    }
}
