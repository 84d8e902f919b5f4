package dev.crossroads.roadmap;

import java.util.List;

/**
 * One task-list entry ({@code - [x] …}) of a roadmap item.
 *
 * @param depth  0 for top-level entries, 1 for their sub-tasks, and so on
 * @param wontDo struck through or marked "won't do": not counted in progress
 */
public record ChecklistEntry(String text, boolean done, int depth, boolean wontDo, List<RoadmapLink> links) {

    public ChecklistEntry {
        links = List.copyOf(links);
    }
}
