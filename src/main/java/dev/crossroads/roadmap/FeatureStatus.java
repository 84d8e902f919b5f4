package dev.crossroads.roadmap;

/**
 * Where a feature stands in one language: the single vocabulary every source's own words (roadmap states, docs
 * maturity markers, board columns) are normalised into. Declared most settled first; the parity matrix shows one per
 * cell.
 */
public enum FeatureStatus {
    /** Documented: users can use it today. */
    AVAILABLE,
    /** Documented as beta, developer preview or experimental. */
    PREVIEW,
    /** Documented as deprecated or in maintenance mode. */
    DEPRECATED,
    /** Done and merged, waiting for a release. */
    COMING_SOON,
    /** Being worked on. */
    IN_PROGRESS,
    /** Accepted onto the roadmap or backlog. */
    PLANNED,
    /** Proposed, not yet accepted. */
    IDEA,
    /** Started or planned, then paused. */
    ON_HOLD,
    /** Dropped or declined. */
    NOT_PLANNED,
    /** No source says anything about it. */
    ABSENT;

    /** Users can use it in a release: available, in preview or deprecated but still there. */
    public boolean isShipped() {
        return this == AVAILABLE || this == PREVIEW || this == DEPRECATED;
    }

    /** Not shipped but somewhere on the way: coming soon, in progress, planned, idea or on hold. */
    public boolean isUpcoming() {
        return this == COMING_SOON || this == IN_PROGRESS || this == PLANNED || this == IDEA || this == ON_HOLD;
    }
}
