package dev.crossroads.parity;

import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.snapshot.ChangeEvent.Kind;
import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.StatusEvent;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Each item's status over time, from its change events, following renames back to the keys it had before (a page
 * moved to another folder keeps its past). Pure.
 */
public final class StatusTimelines {

    /** How far back renames are followed: a guard against a loop of renames, never reached by real pages. */
    private static final int MAX_RENAMES = 20;

    private static final StatusTimelines NONE = new StatusTimelines(Map.of());

    /**
     * From {@code at} on the item (or cell) was in {@code status}; null status: absent. {@code commitId} and
     * {@code release} say which commit the change was read at and the first release containing it, when known.
     */
    public record Point(Instant at, FeatureStatus status, String commitId, String release) {
    }

    private final Map<ItemRef, List<StatusEvent>> byItem;

    private StatusTimelines(Map<ItemRef, List<StatusEvent>> byItem) {
        this.byItem = byItem;
    }

    public static StatusTimelines none() {
        return NONE;
    }

    /** @param events every item's status events, oldest first */
    public static StatusTimelines of(List<StatusEvent> events) {
        Map<ItemRef, List<StatusEvent>> byItem = new HashMap<>();
        events.forEach(e -> byItem.computeIfAbsent(e.item(), k -> new ArrayList<>()).add(e));
        return new StatusTimelines(byItem);
    }

    public boolean isEmpty() {
        return byItem.isEmpty();
    }

    /** The item's status changes, oldest first (empty when it has no history). */
    public List<Point> of(ItemRef item) {
        List<Point> points = new ArrayList<>();
        collect(item, null, points, new HashSet<>(), 0);
        return points;
    }

    /** Appends the points of {@code item} up to {@code until} (inclusive; all when null), its predecessors first. */
    private void collect(ItemRef item, Instant until, List<Point> out, Set<ItemRef> seen, int depth) {
        if (!seen.add(item) || depth > MAX_RENAMES) {
            return;
        }
        List<StatusEvent> events = byItem.getOrDefault(item, List.of());
        FeatureStatus status = out.isEmpty() ? null : out.get(out.size() - 1).status();
        for (StatusEvent event : events) {
            if (until != null && event.at().isAfter(until)) {
                break;
            }
            switch (event.kind()) {
                case RENAMED -> {
                    // the item's past under its old key comes first; it carries on under this key, status unchanged
                    if (event.oldValue() != null) {
                        collect(new ItemRef(item.language(), item.source(), event.oldValue()), event.at(), out, seen,
                                depth + 1);
                        status = out.isEmpty() ? null : out.get(out.size() - 1).status();
                    }
                }
                case ADDED, STATUS_CHANGED -> {
                    FeatureStatus now = parse(event.newValue());
                    if (now != null && now != status) {
                        out.add(new Point(event.at(), now, event.commitId(), event.release()));
                        status = now;
                    }
                }
                case REMOVED -> {
                    if (status != null && event.kind() == Kind.REMOVED) {
                        out.add(new Point(event.at(), null, event.commitId(), event.release()));
                        status = null;
                    }
                }
                default -> {
                }
            }
        }
    }

    /** Statuses stored before the one vocabulary (raw words of old rows) are not read as a change. */
    private static FeatureStatus parse(String value) {
        if (value == null) {
            return null;
        }
        try {
            return FeatureStatus.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** The status at a time: the last point at or before it; null when absent then. */
    public static FeatureStatus at(List<Point> points, Instant time) {
        FeatureStatus status = null;
        for (Point point : points) {
            if (point.at().isAfter(time)) {
                break;
            }
            status = point.status();
        }
        return status;
    }
}
