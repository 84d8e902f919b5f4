package dev.crossroads.snapshot;

import dev.crossroads.snapshot.ChangeEvent.Kind;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Items that moved: of the items one step removed and added, the pairs that are one item under another key. A pair
 * carries the same name, or, for docs pages, the same page name in another folder ({@code core/tracer.md} →
 * {@code core/tracer/index.md}), and neither side has a rival. How names compare is handed in (the parity's name keys).
 * Pure.
 */
public final class ItemMoves {

    private ItemMoves() {
    }

    /**
     * @param nameKey  a name's normalised form (empty when nothing is left)
     * @param pageStem a docs page path's name
     * @return new key → old key
     */
    public static Map<String, String> pairs(List<ItemChange> changes, Map<String, ItemFacts> before,
            Map<String, ItemFacts> now, Function<String, String> nameKey, Function<String, String> pageStem) {
        List<ItemFacts> removed = new ArrayList<>();
        List<ItemFacts> added = new ArrayList<>();
        for (ItemChange change : changes) {
            if (change.kind() == Kind.REMOVED && before.containsKey(change.key())) {
                removed.add(before.get(change.key()));
            } else if (change.kind() == Kind.ADDED && now.containsKey(change.key())) {
                added.add(now.get(change.key()));
            }
        }
        Map<String, String> pairs = new HashMap<>();
        if (removed.isEmpty() || added.isEmpty()) {
            return pairs;
        }
        Set<String> taken = new HashSet<>();
        for (ItemFacts gone : removed) {
            List<ItemFacts> candidates = added.stream()
                    .filter(a -> !taken.contains(a.key()) && same(gone, a, nameKey, pageStem)).toList();
            if (candidates.size() != 1) {
                continue;
            }
            ItemFacts target = candidates.get(0);
            boolean rivals = removed.stream().anyMatch(r -> r != gone && same(r, target, nameKey, pageStem));
            if (!rivals) {
                pairs.put(target.key(), gone.key());
                taken.add(target.key());
            }
        }
        return pairs;
    }

    private static boolean same(ItemFacts a, ItemFacts b, Function<String, String> nameKey,
            Function<String, String> pageStem) {
        String nameA = nameKey.apply(a.title());
        if (nameA != null && !nameA.isEmpty() && nameA.equals(nameKey.apply(b.title()))) {
            return true;
        }
        String stemA = docsStem(a.key(), pageStem);
        return stemA != null && !stemA.isBlank() && stemA.equals(docsStem(b.key(), pageStem));
    }

    private static String docsStem(String key, Function<String, String> pageStem) {
        return key.startsWith("docs/") && key.endsWith(".md") ? pageStem.apply(key.substring(5)) : null;
    }
}
