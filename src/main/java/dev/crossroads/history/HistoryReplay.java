package dev.crossroads.history;

import dev.crossroads.parity.NameKeys;
import dev.crossroads.snapshot.ChangeEvent.Kind;
import dev.crossroads.snapshot.ItemChange;
import dev.crossroads.snapshot.ItemDiff;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.ItemMoves;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * A source's item history as a fold of {@link ItemDiff} over its snapshots in observation order: the change events
 * and each item's life (first and last seen, removed, in its status since), exactly as the sync writes them one
 * snapshot at a time. Historic snapshots slotted in before synced ones are replayed with them, so the first synced
 * snapshot's "added" events become what really changed at that point.
 *
 * <p>Renames: an item removed and another added in the same step are one item when they carry the same name or, for
 * docs pages, the same page name in another folder (and no other removed or added item does): a RENAMED event
 * replaces the removal and the addition, and the new key keeps the old one's first appearance and status since.
 * Pure: no database, no clock.
 */
public final class HistoryReplay {

    private HistoryReplay() {
    }

    /** A stored snapshot's items, in the order the source listed them. */
    public record Step(long snapshotId, Instant at, List<ItemFacts> items) {
    }

    /** One change event as the sync would write it for a snapshot. */
    public record Event(long snapshotId, Instant at, ItemChange change) {
    }

    /** An item's life after the last step. */
    public record Life(ItemFacts facts, Instant firstSeen, Instant lastSeen, Instant removedAt, Instant statusSince) {
    }

    /** What the replay gives: events in order, and every key's life (removed ones included). */
    public record Result(List<Event> events, Map<String, Life> lives) {
    }

    public static Result of(List<Step> steps) {
        List<Event> events = new ArrayList<>();
        Map<String, Life> lives = new LinkedHashMap<>();
        Map<String, ItemFacts> present = new LinkedHashMap<>();
        for (Step step : steps) {
            Map<String, ItemFacts> now = new LinkedHashMap<>();
            step.items().forEach(item -> now.put(item.key(), item));
            List<ItemChange> changes = ItemDiff.between(present, step.items());
            Map<String, String> renamed = renames(changes, present, now); // new key → old key
            for (ItemChange change : withRenames(changes, renamed, present, now)) {
                events.add(new Event(step.snapshotId(), step.at(), change));
            }
            for (ItemFacts item : now.values()) {
                Life was = lives.get(item.key());
                String from = renamed.get(item.key());
                if (was == null && from != null) {
                    Life old = lives.get(from);
                    boolean sameStatus = Objects.equals(old.facts().status(), item.status());
                    lives.put(item.key(), new Life(item, old.firstSeen(), step.at(), null,
                            sameStatus ? old.statusSince() : step.at()));
                } else if (was == null) {
                    lives.put(item.key(), new Life(item, step.at(), step.at(), null, step.at()));
                } else {
                    boolean moved = !Objects.equals(was.facts().status(), item.status()) || was.removedAt() != null;
                    Instant since = moved ? step.at() : was.statusSince() != null ? was.statusSince() : was.firstSeen();
                    lives.put(item.key(), new Life(item, was.firstSeen(), step.at(), null, since));
                }
            }
            for (String key : present.keySet()) {
                if (!now.containsKey(key)) {
                    Life was = lives.get(key);
                    lives.put(key, new Life(was.facts(), was.firstSeen(), was.lastSeen(), step.at(),
                            was.statusSince()));
                }
            }
            present = now;
        }
        return new Result(List.copyOf(events), lives);
    }

    /** Pairs of (removed, added) that are one item under another key: new key → old key. */
    static Map<String, String> renames(List<ItemChange> changes, Map<String, ItemFacts> before,
            Map<String, ItemFacts> now) {
        return ItemMoves.pairs(changes, before, now, NameKeys::key, NameKeys::pageStem);
    }

    private static List<ItemChange> withRenames(List<ItemChange> changes, Map<String, String> renamed,
            Map<String, ItemFacts> before, Map<String, ItemFacts> now) {
        if (renamed.isEmpty()) {
            return changes;
        }
        Set<String> oldKeys = new HashSet<>(renamed.values());
        List<ItemChange> out = new ArrayList<>();
        for (ItemChange change : changes) {
            if (change.kind() == Kind.REMOVED && oldKeys.contains(change.key())) {
                continue;
            }
            if (change.kind() == Kind.ADDED && renamed.containsKey(change.key())) {
                ItemFacts old = before.get(renamed.get(change.key()));
                ItemFacts item = now.get(change.key());
                out.add(new ItemChange(Kind.RENAMED, item.key(), item.title(), old.key(), item.key()));
                // the rest of the step compared as if the key had not moved
                ItemFacts asOld = new ItemFacts(item.key(), old.title(), old.kind(), old.status(), old.statusRaw(),
                        old.priority(), old.progressDone(), old.progressTotal(), old.section(), old.url(),
                        old.evidenceUrl(), old.links(), old.tableName());
                out.addAll(ItemDiff.between(Map.of(item.key(), asOld), List.of(item)));
                continue;
            }
            out.add(change);
        }
        return out;
    }
}
