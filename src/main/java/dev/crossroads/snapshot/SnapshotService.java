package dev.crossroads.snapshot;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Stores what a source said: a snapshot and its items when the content changed, and the history of every item.
 * Callers run it inside the transaction that also records the source's result, so a failure leaves nothing.
 */
@ApplicationScoped
public class SnapshotService {

    private final SnapshotRepository snapshots;
    private final TrackedItemRepository tracked;

    public SnapshotService(SnapshotRepository snapshots, TrackedItemRepository tracked) {
        this.snapshots = snapshots;
        this.tracked = tracked;
    }

    /**
     * Stores a snapshot unless its hash equals the latest one. Must run inside a transaction.
     *
     * @return the new snapshot's id, or null when the content had not changed
     */
    public Uni<Long> storeIfChanged(NewSnapshot incoming) {
        return snapshots.latest(incoming.language(), incoming.source()).flatMap(latest -> {
            if (latest != null && latest.contentHash.equals(incoming.contentHash())) {
                return Uni.createFrom().nullItem();
            }
            Snapshot snapshot = new Snapshot();
            snapshot.language = incoming.language();
            snapshot.source = incoming.source();
            snapshot.fetchedAt = incoming.fetchedAt();
            snapshot.contentHash = incoming.contentHash();
            snapshot.etag = incoming.etag();
            snapshot.content = incoming.content();
            snapshot.itemCount = incoming.items().size();
            return snapshots.persist(snapshot)
                    .flatMap(saved -> persistItems(saved, incoming.items()))
                    .flatMap(saved -> track(saved, incoming))
                    .map(saved -> saved.id);
        });
    }

    private Uni<Snapshot> persistItems(Snapshot snapshot, List<ItemFacts> items) {
        List<SnapshotItem> rows = items.stream().map(facts -> SnapshotItem.of(snapshot.id, facts)).toList();
        return SnapshotItem.persist(rows).replaceWith(snapshot);
    }

    private Uni<Snapshot> track(Snapshot snapshot, NewSnapshot incoming) {
        return tracked.ofSource(incoming.language(), incoming.source()).flatMap(existing -> {
            Map<String, TrackedItem> byKey = new HashMap<>();
            Map<String, ItemFacts> present = new HashMap<>();
            for (TrackedItem item : existing) {
                byKey.put(item.itemKey, item);
                if (item.removedAt == null) {
                    present.put(item.itemKey, item.facts());
                }
            }
            List<ItemChange> changes = ItemDiff.between(present, incoming.items());
            List<Object> writes = new ArrayList<>();
            Instant at = incoming.fetchedAt();
            for (ItemFacts facts : incoming.items()) {
                TrackedItem item = byKey.computeIfAbsent(facts.key(), key -> newTracked(incoming, key, at));
                item.seen(facts, at);
                writes.add(item);
            }
            for (ItemChange change : changes) {
                if (change.kind() == ChangeEvent.Kind.REMOVED) {
                    byKey.get(change.key()).removedAt = at;
                }
                writes.add(event(snapshot, incoming, change));
            }
            Log.debugf("%s %s: snapshot %d with %d items, %d changes", incoming.language(), incoming.source(),
                    snapshot.id, incoming.items().size(), changes.size());
            return TrackedItem.persist(writes).replaceWith(snapshot);
        });
    }

    private static TrackedItem newTracked(NewSnapshot incoming, String key, Instant at) {
        TrackedItem item = new TrackedItem();
        item.language = incoming.language();
        item.source = incoming.source();
        item.itemKey = key;
        item.firstSeen = at;
        return item;
    }

    private static ChangeEvent event(Snapshot snapshot, NewSnapshot incoming, ItemChange change) {
        ChangeEvent event = new ChangeEvent();
        event.occurredAt = incoming.fetchedAt();
        event.language = incoming.language();
        event.source = incoming.source();
        event.itemKey = change.key();
        event.title = change.title();
        event.kind = change.kind();
        event.oldValue = change.oldValue();
        event.newValue = change.newValue();
        event.snapshotId = snapshot.id;
        return event;
    }
}
