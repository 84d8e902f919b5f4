package dev.crossroads.sync;

import dev.crossroads.db.StoredRow;
import dev.crossroads.snapshot.SourceKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** What one source answered in one run. */
@Entity
@Table(name = "source_result")
public class SourceResult extends StoredRow {

    /** FETCHED stored a new snapshot; NOT_MODIFIED got 304s; UNCHANGED read the same content again. */
    public enum Status {
        FETCHED, NOT_MODIFIED, UNCHANGED, SKIPPED, FAILED
    }

    @Column(name = "run_id", nullable = false)
    public Long runId;

    @Column(nullable = false)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public SourceKind source;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Status status;

    @Column(name = "http_status")
    public Integer httpStatus;

    @Column(columnDefinition = "TEXT")
    public String message;

    @Column(name = "duration_ms", nullable = false)
    public long durationMs;

    @Column(name = "rate_limit_remaining")
    public Integer rateLimitRemaining;

    @Column(name = "snapshot_id")
    public Long snapshotId;

    @Column(name = "finished_at", nullable = false)
    public Instant finishedAt;
}
