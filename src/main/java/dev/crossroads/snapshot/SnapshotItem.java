package dev.crossroads.snapshot;

import dev.crossroads.db.StoredRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** One item a snapshot held, in the form shared by roadmap items, documented features and board cards. */
@Entity
@Table(name = "snapshot_item")
public class SnapshotItem extends StoredRow {

    @Column(name = "snapshot_id", nullable = false)
    public Long snapshotId;

    @Column(name = "item_key", nullable = false)
    public String itemKey;

    @Column(columnDefinition = "TEXT", nullable = false)
    public String title;

    public String kind;
    public String status;
    public String priority;

    @Column(name = "progress_done")
    public Integer progressDone;

    @Column(name = "progress_total")
    public Integer progressTotal;

    @Column(columnDefinition = "TEXT")
    public String section;

    @Column(columnDefinition = "TEXT")
    public String url;
}
