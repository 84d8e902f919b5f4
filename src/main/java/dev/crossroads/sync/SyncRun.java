package dev.crossroads.sync;

import dev.crossroads.db.StoredRow;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;

/** One sync: when, why, on which replica, and how it ended. */
@Entity
@Table(name = "sync_run")
public class SyncRun extends StoredRow {

    /** What started a run; BACKFILL: a history backfill, recorded when it ends. */
    public enum Trigger {
        STARTUP, SCHEDULE, MANUAL, WEBHOOK, BACKFILL
    }

    /** How a run ended; PARTIAL when some sources failed and others did not. */
    public enum Outcome {
        RUNNING, SUCCEEDED, PARTIAL, FAILED
    }

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Trigger trigger;

    @Column(name = "requested_language")
    public String requestedLanguage;

    @Column(name = "requested_source")
    public String requestedSource;

    @Column(nullable = false)
    public String replica;

    @Column(name = "started_at", nullable = false)
    public Instant startedAt;

    @Column(name = "finished_at")
    public Instant finishedAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public Outcome outcome;
}
