package dev.crossroads.roadmap;

/**
 * Where a roadmap item stands, as the page says it or as its checklist implies. {@code SHIPPED} means the page
 * lists it as launched; {@code DONE} only that every checklist entry is ticked.
 */
public enum ItemStatus {
    PLANNED, IN_PROGRESS, ON_HOLD, DONE, SHIPPED, DROPPED
}
