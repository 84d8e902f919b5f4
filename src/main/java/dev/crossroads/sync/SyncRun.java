package dev.crossroads.sync;

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

/** One sync: when, why, on which replica, and how it ended. */
@Entity
@Table(name = "sync_run")
public class SyncRun extends PanacheEntityBase {

    /** What started a run. */
    public enum Trigger {
        STARTUP, SCHEDULE, MANUAL, WEBHOOK
    }

    /** How a run ended; PARTIAL when some sources failed and others did not. */
    public enum Outcome {
        RUNNING, SUCCEEDED, PARTIAL, FAILED
    }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof SyncRun r && id != null && id.equals(r.id);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(id);
    }
}
