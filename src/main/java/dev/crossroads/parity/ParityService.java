package dev.crossroads.parity;

import dev.crossroads.Draining;
import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.snapshot.DataChanged;
import dev.crossroads.snapshot.DataVersion;
import dev.crossroads.snapshot.StoredItemRepository;
import dev.crossroads.source.SourceService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.vertx.mutiny.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.interceptor.Interceptor;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Holds the parity matrix of the current data version in memory and rebuilds it when the version moves: at once
 * after this replica's syncs and curation, and within {@code crossroads.parity.refresh-interval} after another
 * replica's. Reads never touch the database; a rebuild that fails (the database is away) keeps serving the last
 * good matrix.
 */
@ApplicationScoped
public class ParityService {

    private final StoredItemRepository items;
    private final dev.crossroads.snapshot.ItemHistoryRepository history;
    private final CurationRepository curation;
    private final CatalogSource catalog;
    private final List<ParityEngine.Language> languages;
    private final Vertx vertx;
    private final Event<MatrixChanged> changed;
    private final long refreshMillis;
    private final AtomicBoolean rebuilding = new AtomicBoolean();
    /** Refreshes subscribed and not yet ended (a rebuild included): what a stop waits for. */
    private final java.util.concurrent.atomic.AtomicInteger refreshing =
            new java.util.concurrent.atomic.AtomicInteger();
    private final AtomicBoolean again = new AtomicBoolean();
    private volatile ParityState state;
    private volatile long timer = -1;
    private volatile boolean stopping;
    /** A rebuild of the largest family measured (10,000 features) takes about three seconds (docs/benchmarks.md). */
    private static final java.time.Duration STOP_WAIT = java.time.Duration.ofSeconds(5);

    ParityService(StoredItemRepository items, dev.crossroads.snapshot.ItemHistoryRepository history,
            CurationRepository curation, CatalogSource catalog, SourceService family, Vertx vertx,
            Event<MatrixChanged> changed, CrossroadsConfig config) {
        this.items = items;
        this.history = history;
        this.curation = curation;
        this.catalog = catalog;
        this.languages = family.languages().stream().map(l -> new ParityEngine.Language(l.id(), l.name())).toList();
        this.vertx = vertx;
        this.changed = changed;
        this.refreshMillis = Math.max(100, config.parity().refreshInterval().toMillis());
        this.state = ParityState.empty(languages);
    }

    /** What the read API serves now. */
    public ParityState state() {
        return state;
    }

    public List<ParityEngine.Language> languages() {
        return languages;
    }

    void start(@Observes StartupEvent event) {
        refresh().subscribe().with(s -> { }, e -> Log.warnf("The first matrix could not be built: %s",
                e.getMessage()));
        timer = vertx.setPeriodic(refreshMillis, id -> refreshUnlessWriting().subscribe().with(s -> { },
                e -> Log.debugf("Matrix refresh skipped: %s", e.getMessage())));
    }

    /**
     * The periodic check: rebuilds as {@link #refresh()} does, but not while a sync is writing. A run moves the data
     * version once per source it stores; rebuilding at each would build matrices of half a run (one took seconds
     * for a family of 10,000 features, competing with the sync for the CPU), and the rebuild the run's end asks for
     * would then wait for the one under way. The end of a run rebuilds here at once ({@link DataChanged}) and on
     * the other replicas through their notification ({@link ReplicaNotifications}), or this check once the lease is
     * handed back, expired included (a replica that died mid-run).
     */
    Uni<ParityState> refreshUnlessWriting() {
        return refresh(true);
    }

    /**
     * Work that a stop must wait for, counted from its subscription to its end; after a stop it is not started (and
     * nothing is created: the contexts new work would capture may be gone).
     */
    private Uni<ParityState> counted(java.util.function.Supplier<Uni<ParityState>> work) {
        return Uni.createFrom().deferred(() -> {
            if (stopping) {
                return Uni.createFrom().item(state);
            }
            refreshing.incrementAndGet();
            return work.get().onTermination().invoke(refreshing::decrementAndGet);
        });
    }

    /**
     * No rebuild starts after a stop, and one under way gets a few seconds to end: left running, its chain would go
     * on after the container is gone and end in errors (a stop right after start meets the first build).
     */
    void stop(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event) {
        stopping = true;
        if (timer >= 0) {
            vertx.cancelTimer(timer);
        }
        Draining.awaitIdle(() -> refreshing.get() > 0, STOP_WAIT);
    }

    void onDataChanged(@ObservesAsync DataChanged event) {
        Log.debugf("Rebuilding the matrix: %s", event.cause());
        refresh().subscribe().with(s -> { }, e -> Log.warnf("Matrix rebuild failed: %s", e.getMessage()));
    }

    /**
     * Rebuilds if the data version moved and returns the state then current. Rebuilds never overlap: a request
     * arriving during one makes it check once more when it ends.
     */
    public Uni<ParityState> refresh() {
        return refresh(false);
    }

    /** {@link #refresh()}; with {@code unlessWriting}, a moved version is left for later while a sync writes. */
    private Uni<ParityState> refresh(boolean unlessWriting) {
        return counted(() -> items.dataVersion().flatMap(version -> {
            // the version only moves forward: an answer no newer than what is served (a slow read racing a
            // rebuild) changes nothing
            if (version.version() <= state.dataVersion() && state.matrix().generatedAt().isAfter(Instant.EPOCH)) {
                return Uni.createFrom().item(state);
            }
            // asked only once the version moved (not at every check); the first matrix is built whatever goes on
            if (unlessWriting && state.matrix().generatedAt().isAfter(Instant.EPOCH)) {
                return items.writing()
                        .flatMap(writing -> writing ? Uni.createFrom().item(state) : rebuildOnce(version));
            }
            return rebuildOnce(version);
        }));
    }

    /** Rebuilds at {@code version} unless a rebuild is under way, which then checks once more when it ends. */
    private Uni<ParityState> rebuildOnce(DataVersion version) {
        again.set(true); // before the claim: a rebuild ending now must not miss this request
        if (!rebuilding.compareAndSet(false, true)) {
            return Uni.createFrom().item(state);
        }
        again.set(false);
        // marking the rebuild over is the chain's last step: a stop waits for it (stop), and nothing of the chain
        // may still be creating work after that, when the service's contexts are gone
        return rebuild(version).onTermination().invoke(() -> {
            rebuilding.set(false);
            if (again.getAndSet(false) && !stopping) {
                refresh().subscribe().with(s -> { }, e -> Log.warnf("Matrix rebuild failed: %s", e.getMessage()));
            }
        });
    }

    /**
     * The state at the data version the database holds now, waiting out a rebuild under way (one a sync that just
     * ended fired, say) rather than answering the older state it replaces, as {@link #refresh()} does. For one-shot
     * callers that must see what they just synced (the report command); the read API serves {@link #state()}.
     *
     * @param patience how long to wait for the rebuild; past it the Uni fails with a {@link TimeoutException}
     */
    public Uni<ParityState> upToDate(java.time.Duration patience) {
        return items.dataVersion().map(DataVersion::version).flatMap(version -> Uni.createFrom().deferred(this::refresh)
                .flatMap(now -> now.dataVersion() >= version && now.matrix().generatedAt().isAfter(Instant.EPOCH)
                        ? Uni.createFrom().item(now)
                        : Uni.createFrom().<ParityState>failure(new NotYetBuilt()))
                .onFailure(NotYetBuilt.class).retry().withBackOff(java.time.Duration.ofMillis(20),
                        java.time.Duration.ofMillis(250)).expireIn(patience.toMillis())
                .onFailure(NotYetBuilt.class).transform(e -> new TimeoutException("the matrix was not rebuilt at data"
                        + " version " + version + " within " + patience.toSeconds() + " s")));
    }

    private static final class NotYetBuilt extends RuntimeException {
        NotYetBuilt() {
            super("not yet rebuilt", null, false, false);
        }
    }

    /**
     * The matrix is stamped with the time its data version was set, not the time of the rebuild: every replica
     * serving a version then answers the same bytes (and the same ETag), whichever rebuilt it when.
     */
    private Uni<ParityState> rebuild(DataVersion dataVersion) {
        long version = dataVersion.version();
        long started = System.nanoTime();
        long[] phases = new long[2]; // when the data was in, when it was aligned
        return Uni.combine().all().unis(items.present(), curation.load(), history.statusEvents()).asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool()) // alignment is CPU work: off the event loop
                .map(all -> {
                    phases[0] = System.nanoTime();
                    Alignment alignment = Aligner.align(languages.stream().map(ParityEngine.Language::id).toList(),
                            all.getItem1(), catalog.catalog(), all.getItem2());
                    phases[1] = System.nanoTime();
                    ParityMatrix matrix = ParityEngine.compute(version, dataVersion.changedAt(), languages,
                            all.getItem1(), alignment, StatusTimelines.of(all.getItem3()));
                    return ParityState.of(matrix, alignment, all.getItem1());
                })
                .invoke(built -> {
                    state = built;
                    long now = System.nanoTime();
                    java.time.Duration took = java.time.Duration.ofNanos(now - started);
                    Log.infof("Matrix at data version %d: %d features, %d items, %d suggestions, built in %d ms"
                            + " (reading %d, aligning %d, the matrix %d)", version, built.matrix().rows().size(),
                            built.items().size(), built.alignment().suggestions().size(), took.toMillis(),
                            (phases[0] - started) / 1_000_000, (phases[1] - phases[0]) / 1_000_000,
                            (now - phases[1]) / 1_000_000);
                    changed.fire(new MatrixChanged(version, took));
                })
                .call(built -> linkFeatures(built));
    }

    /** Keeps {@code tracked_item.feature_id} in step for SQL readers; a failure only costs that, never the matrix. */
    private Uni<Integer> linkFeatures(ParityState built) {
        java.util.Map<dev.crossroads.snapshot.ItemRef, String> features = new java.util.HashMap<>();
        built.alignment().links().forEach((ref, link) -> features.put(ref, link.featureId()));
        return items.linkFeatures(features)
                .invoke(rows -> Log.debugf("Feature links recorded on %d items", rows))
                .onFailure().recoverWithItem(e -> {
                    Log.warnf("Feature links not recorded on items: %s", e.getMessage());
                    return 0;
                });
    }

    /**
     * Fired (synchronously) when the served matrix changed version: caches keyed by version can let go.
     *
     * @param took how long the rebuild took
     */
    public record MatrixChanged(long dataVersion, java.time.Duration took) {
    }
}
