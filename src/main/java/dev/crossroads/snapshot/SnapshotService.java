package dev.crossroads.snapshot;

import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hibernate.reactive.mutiny.Mutiny;

/**
 * Stores what a source said: a snapshot and its items when the content changed, and the history of every item.
 * Callers pass the stateless session of the transaction that also records the source's result, so a failure leaves
 * nothing. A stateless session because this is bulk ingestion: every row is written exactly once, and a persistence
 * context (cascades, dirty checking, flush ordering) cost more than the SQL itself.
 */
@ApplicationScoped
public class SnapshotService {

    /**
     * Stores a snapshot unless its hash equals the latest one. Must run inside a transaction.
     *
     * @return the new snapshot's id, or null when the content had not changed
     */
    public Uni<Long> storeIfChanged(Mutiny.StatelessSession session, NewSnapshot incoming) {
        return latestHash(session, incoming).flatMap(latest -> {
            if (incoming.contentHash().equals(latest)) {
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
            return session.insert(snapshot)
                    .flatMap(ignored -> insertAll(session,
                            incoming.items().stream().map(facts -> SnapshotItem.of(snapshot.id, facts)).toList()))
                    .flatMap(ignored -> track(session, snapshot, incoming))
                    .map(ignored -> snapshot.id);
        });
    }

    private static Uni<String> latestHash(Mutiny.StatelessSession session, NewSnapshot incoming) {
        return session.createSelectionQuery("select contentHash from Snapshot where language = ?1 and source = ?2"
                        + " order by fetchedAt desc, id desc", String.class)
                .setParameter(1, incoming.language())
                .setParameter(2, incoming.source())
                .setMaxResults(1)
                .getSingleResultOrNull();
    }

    private static Uni<Void> track(Mutiny.StatelessSession session, Snapshot snapshot, NewSnapshot incoming) {
        return session.createSelectionQuery("from TrackedItem where language = ?1 and source = ?2", TrackedItem.class)
                .setParameter(1, incoming.language())
                .setParameter(2, incoming.source())
                .getResultList()
                .flatMap(existing -> writeHistory(session, snapshot, incoming, existing));
    }

    private static Uni<Void> writeHistory(Mutiny.StatelessSession session, Snapshot snapshot, NewSnapshot incoming,
            List<TrackedItem> existing) {
        Map<String, TrackedItem> byKey = new HashMap<>();
        Map<String, ItemFacts> present = new HashMap<>();
        for (TrackedItem item : existing) {
            byKey.put(item.itemKey, item);
            if (item.removedAt == null) {
                present.put(item.itemKey, item.facts());
            }
        }
        List<ItemChange> changes = ItemDiff.between(present, incoming.items());
        Instant at = incoming.fetchedAt();
        List<TrackedItem> added = new ArrayList<>();
        List<TrackedItem> updated = new ArrayList<>();
        for (ItemFacts facts : incoming.items()) {
            TrackedItem item = byKey.get(facts.key());
            if (item == null) {
                item = newTracked(incoming, facts.key(), at);
                byKey.put(facts.key(), item);
                added.add(item);
            } else {
                updated.add(item);
            }
            item.seen(facts, at);
        }
        List<ChangeEvent> events = new ArrayList<>();
        for (ItemChange change : changes) {
            if (change.kind() == ChangeEvent.Kind.REMOVED) {
                TrackedItem gone = byKey.get(change.key());
                gone.removedAt = at;
                updated.add(gone);
            }
            events.add(event(snapshot, incoming, change));
        }
        Log.debugf("%s %s: snapshot %d with %d items, %d changes", incoming.language(), incoming.source(),
                snapshot.id, incoming.items().size(), changes.size());
        return insertAll(session, added)
                .flatMap(ignored -> updated.isEmpty() ? Uni.createFrom().voidItem() : session.updateMultiple(updated))
                .flatMap(ignored -> insertAll(session, events));
    }

    /** Skips the call for an empty list: no rows is no statement. */
    private static Uni<Void> insertAll(Mutiny.StatelessSession session, List<?> rows) {
        return rows.isEmpty() ? Uni.createFrom().voidItem() : session.insertMultiple(rows);
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
