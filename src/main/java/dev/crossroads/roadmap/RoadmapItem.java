package dev.crossroads.roadmap;

import java.util.List;

/**
 * One thing a roadmap says will be, is being or was done.
 *
 * @param id             stable slug of the section path and title, e.g. {@code key-areas/event-handler-rest}
 * @param sectionPath    headings above the item, outermost first, priority suffixes removed
 * @param priority       the item's own priority or the one of its group heading; null when none is given
 * @param status         declared or derived status; null when the page gives no status at all (stream lists)
 * @param statusEvidence what the status was derived from, in words
 * @param line           1-based line of the item's heading or list entry
 */
public record RoadmapItem(String id, String title, List<String> sectionPath, ItemKind kind, Priority priority,
        ItemStatus status, String statusEvidence, List<ChecklistEntry> checklist, Progress progress,
        String description, List<RoadmapLink> links, List<RoadmapNote> notes, int line) {

    public RoadmapItem {
        sectionPath = List.copyOf(sectionPath);
        checklist = List.copyOf(checklist);
        links = List.copyOf(links);
        notes = List.copyOf(notes);
    }
}
