package dev.crossroads.snapshot;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/** Compares the items a source had with the items it has now. Pure: no database, no clock. */
public final class ItemDiff {

    private ItemDiff() {
    }

    /**
     * @param before the tracked items still present before this snapshot, by key
     * @param now    the items of the new snapshot
     */
    public static List<ItemChange> between(Map<String, ItemFacts> before, List<ItemFacts> now) {
        List<ItemChange> changes = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (ItemFacts item : now) {
            seen.add(item.key());
            ItemFacts old = before.get(item.key());
            if (old == null) {
                changes.add(new ItemChange(ChangeEvent.Kind.ADDED, item.key(), item.title(), null, status(item)));
                continue;
            }
            compare(changes, item, ChangeEvent.Kind.TITLE_CHANGED, old.title(), item.title());
            compare(changes, item, ChangeEvent.Kind.STATUS_CHANGED, status(old), status(item));
            compare(changes, item, ChangeEvent.Kind.PRIORITY_CHANGED, old.priority(), item.priority());
            compare(changes, item, ChangeEvent.Kind.PROGRESS_CHANGED, progress(old), progress(item));
        }
        before.forEach((key, old) -> {
            if (!seen.contains(key)) {
                changes.add(new ItemChange(ChangeEvent.Kind.REMOVED, key, old.title(), status(old), null));
            }
        });
        return changes;
    }

    private static void compare(List<ItemChange> changes, ItemFacts item, ChangeEvent.Kind kind, String old,
            String now) {
        if (!Objects.equals(old, now)) {
            changes.add(new ItemChange(kind, item.key(), item.title(), old, now));
        }
    }

    private static String status(ItemFacts item) {
        return item.status() == null ? null : item.status().name();
    }

    private static String progress(ItemFacts item) {
        return item.progressTotal() == null || item.progressTotal() == 0 ? null
                : item.progressDone() + "/" + item.progressTotal();
    }
}
