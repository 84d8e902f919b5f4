package dev.crossroads.sync;

import dev.crossroads.Draining;
import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.snapshot.DataChanged;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.SourceService;
import dev.crossroads.source.github.FetchException;
import dev.crossroads.source.github.Redaction;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.Cancellable;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Coordinates a sync: claims the lease, reads every requested source concurrently (bounded), records each result in
 * its own transaction, then closes the run. One source failing never stops the others; GitHub is never called
 * with a transaction open.
 */
@ApplicationScoped
public class SyncService {

    private final SourceService sources;
    private final RoadmapStep roadmaps;
    private final DocsStep docs;
    private final BoardStep boards;
    private final SyncRecorder recorder;
    private final SyncLease lease;
    private final SyncRunLog runLog;
    private final int parallelism;
    private final AtomicBoolean running = new AtomicBoolean();
    /** True while {@link #holdingLease} runs another writer's work (a backfill slice), which a sync waits out. */
    private final AtomicBoolean sliceHolding = new AtomicBoolean();
    private static final java.time.Duration SLICE_WAIT = java.time.Duration.ofMillis(100);
    /** A slice is one transaction of seconds at most; a sync waits up to a minute for one before saying busy. */
    private static final int MAX_SLICE_WAITS = 600;
    /** Well inside Kubernetes' default 30 s grace period; a sync of four languages takes about a second. */
    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(10);
    private final Event<DataChanged> dataChanged;
    private final Redaction redaction;
    private final Event<RunEnded> runEnded;
    private final SyncMetrics metrics;
    private final Pool pool;
    private final Vertx vertx;

    /** A run of this replica ended (whatever its outcome): this replica is free to sync again. */
    public record RunEnded() {
    }

    SyncService(SourceService sources, RoadmapStep roadmaps, DocsStep docs, BoardStep boards, SyncRecorder recorder,
            SyncLease lease, SyncRunLog runLog, CrossroadsConfig config, Event<DataChanged> dataChanged,
            Event<RunEnded> runEnded, Redaction redaction, SyncMetrics metrics, Pool pool, Vertx vertx) {
        this.pool = pool;
        this.vertx = vertx;
        this.redaction = redaction;
        this.metrics = metrics;
        this.dataChanged = dataChanged;
        this.runEnded = runEnded;
        this.runLog = runLog;
        this.boards = boards;
        this.sources = sources;
        this.roadmaps = roadmaps;
        this.docs = docs;
        this.recorder = recorder;
        this.lease = lease;
        this.parallelism = Math.max(1, config.sync().parallelism());
    }

    /**
     * Runs a sync; fails with {@link SyncBusyException} when one is already running anywhere. A run that held the
     * lease fires {@link RunEnded} once it let go of it.
     */
    public Uni<SyncRun> run(SyncRequest request) {
        return run(request, 0);
    }

    private Uni<SyncRun> run(SyncRequest request, int waited) {
        if (!running.compareAndSet(false, true)) {
            if (sliceHolding.get() && waited < MAX_SLICE_WAITS) {
                // a history backfill holds the lease for one short write: the sync runs after it, not never
                Context caller = Vertx.currentContext();
                return Uni.createFrom().voidItem().onItem().delayIt().by(SLICE_WAIT)
                        .emitOn(command -> OwnSession.deliverOn(caller, command))
                        .flatMap(ignored -> run(request, waited + 1));
            }
            return Uni.createFrom().failure(new SyncBusyException(lease.replica()));
        }
        AtomicBoolean ran = new AtomicBoolean();
        // the validators are read beside the claim instead of after it, so the first request goes out a round trip
        // sooner. Read without the lease they may be a run behind when another replica's run ended in between: its
        // files then answer 200 instead of 304, and the recorder, which compares with the latest stored snapshot,
        // still finds them unchanged
        Uni<HttpCache> validators = Started.now(recorder.cache());
        return lease.tryAcquire()
                .flatMap(acquired -> {
                    ran.set(acquired);
                    return acquired ? runHoldingLease(request, validators)
                            : lease.holder().flatMap(holder -> Uni.createFrom().failure(holder == null
                                    ? new SyncBusyException(null)
                                    : new SyncBusyException(holder.replica(), holder.until())));
                })
                .eventually(() -> {
                    running.set(false);
                    announceEnd(ran.get());
                });
    }

    /**
     * Fires {@link RunEnded}, only after a real run (one that held the lease): a refusal announcing itself would wake
     * whoever waits into a busy loop.
     */
    private void announceEnd(boolean ran) {
        if (ran) {
            try {
                runEnded.fire(new RunEnded());
            } catch (RuntimeException e) {
                Log.warnf(e, "A listener of the end of a sync failed; the run itself is unaffected");
            }
        }
    }

    /**
     * Runs other writers of history (a slice of a history backfill) as a sync runs: never beside a sync of this
     * replica, and holding the sync lease, so never beside another replica's either. Fails with
     * {@link SyncBusyException} when a sync runs; fires {@link RunEnded} afterwards, so webhook pushes that waited run.
     */
    public <T> Uni<T> holdingLease(java.util.function.Supplier<Uni<T>> work) {
        if (!running.compareAndSet(false, true)) {
            return Uni.createFrom().failure(new SyncBusyException(lease.replica()));
        }
        sliceHolding.set(true);
        AtomicBoolean ran = new AtomicBoolean();
        return lease.tryAcquire()
                .flatMap(acquired -> {
                    ran.set(acquired);
                    return acquired ? work.get().eventually(() -> lease.release().onFailure().recoverWithNull())
                            : Uni.createFrom().<T>failure(new SyncBusyException(null));
                })
                .eventually(() -> {
                    sliceHolding.set(false);
                    running.set(false);
                    announceEnd(ran.get());
                });
    }

    /**
     * On a clean stop (a rolling update, a scale-down, Ctrl-C), a run under way gets {@link #STOP_WAIT} to finish and
     * be recorded whole before the lease is handed back ({@link SyncLease}, which observes after this): left running,
     * its chain would go on after the container is gone and end in errors instead of a result.
     */
    void onStop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event) {
        if (running.get()) {
            Log.infof("Stopping: letting the sync under way finish (up to %d s)", STOP_WAIT.toSeconds());
        }
        if (!Draining.awaitIdle(running::get, STOP_WAIT)) {
            Log.warnf("Stopping with a sync still running after %d s: it is closed as FAILED and records nothing more",
                    STOP_WAIT.toSeconds());
        }
    }

    /** Whether a run of this replica is under way (or about to claim the lease). */
    public boolean runningHere() {
        return running.get();
    }

    private Uni<SyncRun> runHoldingLease(SyncRequest request, Uni<HttpCache> validators) {
        // fetching needs the validators, not the run row: it starts as soon as they are in, while the run is opened
        // beside it; only recording a source waits for the run
        Uni<SyncRun> opened = Started.now(lease.closeAbandonedRuns()
                .flatMap(ignored -> runLog.open(request, lease.replica())));
        Cancellable heartbeat = renewLeaseWhileRunning();
        return validators
                // the validators could not be read: close the run as FAILED (if it opened), not left RUNNING
                .onFailure().call(() -> opened.flatMap(run -> runLog.close(run, SyncRun.Outcome.FAILED))
                        .onFailure().recoverWithNull())
                .flatMap(cache -> readAll(request, opened, cache))
                .flatMap(results -> opened.flatMap(run -> finish(run, results, heartbeat)))
                .eventually(() -> {
                    heartbeat.cancel();
                    // a run that got as far as closing handed the lease back with the close; any other does it here
                    return lease.held() ? lease.release().onFailure().recoverWithNull() : Uni.createFrom().voidItem();
                });
    }

    /**
     * Renews the lease every {@link SyncLease#renewEvery()} until cancelled, or until a renewal finds it gone. A plain
     * Vert.x timer: a Mutiny tick stream cost a scheduled task and a chain of decorated operators at every sync.
     */
    private Cancellable renewLeaseWhileRunning() {
        AtomicBoolean renewing = new AtomicBoolean();
        long timer = vertx.setPeriodic(lease.renewEvery().toMillis(), id -> {
            if (!renewing.compareAndSet(false, true)) {
                return; // a renewal slower than the period skips a tick instead of piling up
            }
            lease.renew()
                    // a failed renewal is retried at the next tick; the lease outlasts two missed ones
                    .onFailure().invoke(e -> Log.warnf("Could not renew the sync lease: %s", e.getMessage()))
                    .onFailure().recoverWithItem(true)
                    .subscribe().with(held -> {
                        renewing.set(false);
                        if (!held && vertx.cancelTimer(id)) { // the heartbeat ends when the lease is gone
                            Log.error("This replica lost the sync lease while syncing (it expired, or another"
                                    + " replica holds it): the rest of this run is not recorded");
                        }
                    });
        });
        return () -> vertx.cancelTimer(timer);
    }

    private Uni<List<SourceResult>> readAll(SyncRequest request, Uni<SyncRun> opened,
            HttpCache cache) {
        List<Task> tasks = new ArrayList<>();
        for (LanguageSource language : sources.languages()) {
            for (SourceKind kind : SourceKind.values()) {
                boolean configured = kind != SourceKind.BOARD || language.board().isPresent();
                if (configured && request.covers(language.id(), kind)) {
                    tasks.add(new Task(language, kind));
                }
            }
        }
        long started = System.nanoTime();
        Context context = Vertx.currentContext();
        // every source is read at once: the HTTP client sends `parallelism` requests to a host at a time and queues
        // the rest, so no source waits for another to finish before asking for its files, and parsing one overlaps
        // fetching the others. Each is recorded as soon as it is read, `parallelism` at a time, in one statement of
        // its own, so fetching never waits on the database and one source's writes never wait on another's
        return Multi.createFrom().iterable(tasks)
                .onItem().transformToUni(task -> read(task, cache)).merge(Math.max(1, tasks.size()))
                .onItem().transformToUni(outcome -> opened.flatMap(run -> record(run, outcome))).merge(parallelism)
                .invoke(metrics::source)
                .collect().asList()
                // the caller carries on where it started
                .emitOn(command -> OwnSession.deliverOn(context, command))
                .invoke(results -> Log.debugf("Run: %d sources read and recorded in %d ms", results.size(),
                        (System.nanoTime() - started) / 1_000_000));
    }

    private Uni<SourceResult> record(SyncRun run, SourceOutcome outcome) {
        if (!lease.held()) {
            // another replica may be syncing now: writing on would make two writers of the same history
            return Uni.createFrom().item(unrecorded(outcome, new IllegalStateException(
                    "this replica no longer holds the sync lease (it expired, or the service is stopping)")));
        }
        return recorder.record(run.id, outcome)
                .onFailure().recoverWithUni(e -> recorder.recordFailure(run.id, outcome, e))
                .onFailure().recoverWithItem(e -> unrecorded(outcome, e));
    }

    private record Task(LanguageSource language, SourceKind kind) {
    }

    private Uni<SourceOutcome> read(Task task, HttpCache cache) {
        long started = System.nanoTime();
        Uni<SourceOutcome> outcome = switch (task.kind()) {
            case ROADMAP -> roadmaps.read(task.language(), cache);
            case DOCS -> docs.read(task.language(), cache);
            case BOARD -> boards.read(task.language());
        };
        return outcome.onFailure().recoverWithItem(e -> {
            long millis = (System.nanoTime() - started) / 1_000_000;
            Integer status = e instanceof FetchException fetch && fetch.httpStatus() > 0 ? fetch.httpStatus() : null;
            // upstream text may carry a credential: redacted before it is logged, stored or served
            String reason = redaction.apply(message(e));
            Log.warnf("%s %s failed: %s", task.language().id(), task.kind(), reason);
            return SourceOutcome.failed(task.language().id(), task.kind(), status, reason, millis);
        });
    }

    /** The database refused the result; the run still reports it, nothing of the source was stored. */
    private SourceResult unrecorded(SourceOutcome outcome, Throwable e) {
        SourceResult result = new SourceResult();
        result.language = outcome.language();
        result.source = outcome.source();
        result.status = SourceResult.Status.FAILED;
        result.message = redaction.apply("could not be stored: " + message(e));
        result.durationMs = outcome.durationMs();
        result.finishedAt = Instant.now();
        return result;
    }

    private Uni<SyncRun> finish(SyncRun run, List<SourceResult> results, Cancellable heartbeat) {
        long failed = results.stream().filter(r -> r.status == SourceResult.Status.FAILED).count();
        long attempted = results.stream().filter(r -> r.status != SourceResult.Status.SKIPPED).count();
        SyncRun.Outcome outcome = failed == 0 ? SyncRun.Outcome.SUCCEEDED
                : failed == attempted ? SyncRun.Outcome.FAILED : SyncRun.Outcome.PARTIAL;
        Log.infof("Sync run %d (%s): %s, %d sources, %d failed", run.id, run.trigger, outcome, results.size(), failed);
        long stored = results.stream().filter(r -> r.snapshotId != null).count();
        heartbeat.cancel();
        return closeAndRelease(run, outcome)
                .invoke(() -> metrics.run(run, outcome))
                .call(() -> stored == 0 ? Uni.createFrom().voidItem()
                        : announceChange("sync run " + run.id + " stored " + stored + " snapshots"));
    }

    /**
     * Closes the run and hands the lease back in one round trip: both statements go down one connection at once,
     * which runs them in that order, so no other replica can claim the lease while this run still reads RUNNING (a
     * claim closes long-running runs it finds as abandoned).
     */
    private Uni<SyncRun> closeAndRelease(SyncRun run, SyncRun.Outcome outcome) {
        return pool.withConnection(connection -> Uni.combine().all()
                .unis(runLog.close(connection, run, outcome), lease.release(connection))
                .with((closed, released) -> closed));
    }

    /**
     * Tells the matrix and the other replicas ({@link DataChanged}, observed asynchronously) and ends once every
     * observer has taken the news, so that a stop waiting for the run also finds their work begun and waits for it,
     * instead of it starting after the service's contexts are gone. Observers start their work and return.
     */
    private Uni<Void> announceChange(String cause) {
        Context caller = Vertx.currentContext();
        return Uni.createFrom().completionStage(() -> dataChanged.fireAsync(new DataChanged(cause)))
                .onFailure().invoke(e -> Log.warnf(e, "A listener of stored data failed; the run itself is unaffected"))
                .onFailure().recoverWithNull()
                .replaceWithVoid()
                .emitOn(command -> OwnSession.deliverOn(caller, command)); // the run carries on where it was
    }

    private static String message(Throwable e) {
        String message = e.getMessage();
        return message == null || message.isBlank() ? e.getClass().getSimpleName() : message;
    }
}
