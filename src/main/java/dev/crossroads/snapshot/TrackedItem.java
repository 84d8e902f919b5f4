package dev.crossroads.snapshot;

import dev.crossroads.db.StoredRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** An item's life across snapshots: first and last seen, current values, and when it disappeared. */
@Entity
@Table(name = "tracked_item")
public class TrackedItem extends StoredRow {

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
}
