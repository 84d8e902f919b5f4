package dev.crossroads.snapshot;

import dev.crossroads.db.StoredRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One change to one item, as seen between two snapshots. */
@Entity
@Table(name = "change_event")
public class ChangeEvent extends StoredRow {

    /** What changed; RENAMED: the item moved to another key (old value → new value), it is the same item. */
    public enum Kind {
        ADDED, REMOVED, STATUS_CHANGED, PROGRESS_CHANGED, PRIORITY_CHANGED, TITLE_CHANGED, RENAMED
    }

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceKind source;

    @Column(name = "item_key", nullable = false)
    public String itemKey;

    @Column(columnDefinition = "TEXT", nullable = false)
    public String title;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Kind kind;

    @Column(name = "old_value", columnDefinition = "TEXT")
    public String oldValue;

    @Column(name = "new_value", columnDefinition = "TEXT")
    public String newValue;

    @Column(name = "snapshot_id", nullable = false)
    public Long snapshotId;
}
