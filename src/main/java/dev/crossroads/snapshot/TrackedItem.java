package dev.crossroads.snapshot;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** An item's life across snapshots: first and last seen, current values, and when it disappeared. */
@Entity
@Table(name = "tracked_item")
public class TrackedItem extends PanacheEntityBase {

    /** From a sequence that hands out 50 ids at a time, so inserts of many items can be batched. */
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "tracked_item_id_seq")
    @SequenceGenerator(name = "tracked_item_id_seq", sequenceName = "tracked_item_id_seq", allocationSize = 50)
    public Long id;

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceKind source;

    @Column(name = "item_key", nullable = false)
    public String itemKey;

    @Column(columnDefinition = "TEXT", nullable = false)
    public String title;

    public String status;
    public String priority;

    @Column(name = "progress_done")
    public Integer progressDone;

    @Column(name = "progress_total")
    public Integer progressTotal;

    @Column(name = "first_seen", nullable = false)
    public Instant firstSeen;

    @Column(name = "last_seen", nullable = false)
    public Instant lastSeen;

    @Column(name = "removed_at")
    public Instant removedAt;

    /** The item as seen at {@code at}: its current values, and present again if it had gone. */
    void seen(ItemFacts facts, Instant at) {
        title = facts.title();
        status = facts.status();
        priority = facts.priority();
        progressDone = facts.progressDone();
        progressTotal = facts.progressTotal();
        lastSeen = at;
        removedAt = null;
    }

    /** What the item was when last seen, in the shape {@link ItemDiff} compares. */
    ItemFacts facts() {
        return new ItemFacts(itemKey, title, null, status, priority, progressDone, progressTotal, null, null);
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof TrackedItem t && id != null && id.equals(t.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
