package dev.crossroads.snapshot;

import dev.crossroads.db.StoredRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** What a source said when it last changed; a new row only when the content hash changes. */
@Entity
@Table(name = "snapshot")
public class Snapshot extends StoredRow {

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceKind source;

    @Column(name = "fetched_at", nullable = false)
    public Instant fetchedAt;

    @Column(name = "content_hash", nullable = false)
    public String contentHash;

    public String etag;

    @Column(columnDefinition = "TEXT", nullable = false)
    public String content;

    @Column(name = "item_count", nullable = false)
    public int itemCount;

    /** The commit it was read at, for snapshots backfilled from history; null for a sync's. */
    @Column(name = "commit_id")
    public String commitId;

    /** The first release tag containing {@link #commitId}, once known. */
    public String release;
}
