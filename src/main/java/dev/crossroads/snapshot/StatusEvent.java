package dev.crossroads.snapshot;

import java.time.Instant;

/**
 * One change to an item's presence or status (ADDED, REMOVED, STATUS_CHANGED, RENAMED), with the commit it was read
 * at and the first release containing that commit, when the snapshot came from history.
 */
public record StatusEvent(ItemRef item, Instant at, ChangeEvent.Kind kind, String oldValue, String newValue,
        String commitId, String release) {
}
