package dev.crossroads.sync;

import dev.crossroads.snapshot.SourceKind;
import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/** What one source answered in one run. */
@Entity
@Table(name = "source_result")
public class SourceResult extends PanacheEntityBase {

    /** FETCHED stored a new snapshot; NOT_MODIFIED got 304s; UNCHANGED read the same content again. */
    public enum Status {
        FETCHED, NOT_MODIFIED, UNCHANGED, SKIPPED, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SourceResult r && id != null && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
