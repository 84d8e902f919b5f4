package dev.crossroads.sync;

import dev.crossroads.snapshot.SourceKind;
import io.quarkus.logging.Log;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Syncs asked for by webhooks, remembered until they ran. A push is answered 202 before anything is synced and GitHub
 * never redelivers it, so a push that arrives while a sync runs must not be dropped: it waits here as a set of
 * (language, source) pairs. Pushes coalesce: two pushes to python's roadmap while busy make one python sync
 * afterwards, and one to its docs joins that same run.
 *
 * <p>The queue runs one language at a time, oldest first, as soon as the sync before it ends. When another replica
 * holds the lease it tries again after 1 s, then 2 s, 4 s... up to 30 s: the holder hands the lease back when its
 * sync ends, or its claim runs out a lease after it died. A run of this replica that ends (scheduled, manual or
 * queued) wakes the queue at once. Nothing here polls while there is nothing to do.
 *
 * <p>Memory is bounded by the family: one entry per language, its kinds of source a set. What is still queued when
 * the service stops is logged, not kept: the start-up sync of the next start reads every source anyway.
 */
@ApplicationScoped
public class SyncQueue {

    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration MAX_RETRY = Duration.ofSeconds(30);

    /** One source of one language. */
    public record Pair(String language, SourceKind source) {
    }

    /**
     * What an offer did.
     *
     * @param started whether the queue was idle and starts it now (it may still wait for another replica's lease)
     * @param queued the pairs now waiting because of this request
     * @param alreadyQueued the pairs that were waiting already: this request adds nothing to them
     */
    public record Offer(boolean started, List<Pair> queued, List<Pair> alreadyQueued) {
    }

    private static final class Waiting {
        final SyncRun.Trigger trigger;
        final Set<SourceKind> kinds = EnumSet.noneOf(SourceKind.class);

        Waiting(SyncRun.Trigger trigger) {
            this.trigger = trigger;
        }
    }

    private final SyncService sync;
    private final Vertx vertx;

    // all guarded by this
    private final Map<String, Waiting> pending = new LinkedHashMap<>();
    private boolean inFlight;
    private long retryTimer = -1;
    private Duration retryDelay = FIRST_RETRY;
    private boolean stopped;

    SyncQueue(SyncService sync, Vertx vertx) {
        this.sync = sync;
        this.vertx = vertx;
    }

    /** Queues the sources of one language; they run as soon as no sync runs, here or on another replica. */
    public Offer offer(SyncRequest request) {
        String language = request.language().orElseThrow(
                () -> new IllegalArgumentException("the sync queue takes the sources of one language"));
        List<Pair> queued = new ArrayList<>();
        List<Pair> already = new ArrayList<>();
        boolean started;
        synchronized (this) {
            started = pending.isEmpty() && !inFlight && retryTimer < 0 && !sync.runningHere();
            Waiting waiting = pending.computeIfAbsent(language, l -> new Waiting(request.trigger()));
            for (SourceKind kind : kinds(request)) {
                (waiting.kinds.add(kind) ? queued : already).add(new Pair(language, kind));
            }
        }
        drainSoon();
        return new Offer(started, List.copyOf(queued), List.copyOf(already));
    }

    /** Nothing is waiting and no run of the queue is under way. */
    public synchronized boolean idle() {
        return pending.isEmpty() && !inFlight;
    }

    /** A run of this replica ended: the next waiting one need not wait out its retry delay. */
    void onRunEnded(@Observes SyncService.RunEnded ended) {
        synchronized (this) {
            if (stopped || pending.isEmpty()) {
                return;
            }
            if (retryTimer >= 0) {
                vertx.cancelTimer(retryTimer);
                retryTimer = -1;
            }
        }
        drainSoon();
    }

    void onStop(@Observes ShutdownEvent event) {
        String left;
        synchronized (this) {
            stopped = true;
            if (retryTimer >= 0) {
                vertx.cancelTimer(retryTimer);
                retryTimer = -1;
            }
            left = describe(pending);
            pending.clear();
        }
        if (!left.isEmpty()) {
            Log.warnf("Stopping with webhook syncs still queued, not run: %s (the start-up sync reads them)", left);
        }
    }

    /** Each run on a context of its own, never on the caller's (an HTTP request that has ended, a timer). */
    private void drainSoon() {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> drain());
    }

    private void drain() {
        SyncRequest next;
        synchronized (this) {
            if (stopped || inFlight || retryTimer >= 0 || pending.isEmpty()) {
                return;
            }
            Iterator<Map.Entry<String, Waiting>> oldest = pending.entrySet().iterator();
            Map.Entry<String, Waiting> entry = oldest.next();
            oldest.remove();
            next = request(entry.getKey(), entry.getValue());
            inFlight = true;
        }
        try {
            sync.run(next).subscribe().with(run -> ran(next, run), failure -> failed(next, failure));
        } catch (RuntimeException e) {
            failed(next, e);
        }
    }

    private void ran(SyncRequest request, SyncRun run) {
        synchronized (this) {
            inFlight = false;
            retryDelay = FIRST_RETRY;
        }
        Log.infof("Webhook sync run %d (%s %s): %s", run.id, request.language().orElse(""),
                request.sources(), run.outcome);
        drainSoon();
    }

    private void failed(SyncRequest request, Throwable failure) {
        Duration delay;
        String waiting;
        synchronized (this) {
            inFlight = false;
            requeueFirst(request);
            waiting = describe(pending);
            delay = scheduleRetry();
        }
        if (delay == null) {
            return; // stopping, or a retry is already set
        }
        if (!(failure instanceof SyncBusyException)) {
            Log.warnf(failure, "Webhook sync of %s could not run; trying again in %d s", waiting, delay.toSeconds());
        } else if (delay.equals(FIRST_RETRY)) {
            Log.infof("Webhook syncs wait: %s; queued: %s", failure.getMessage(), waiting);
        } else {
            Log.debugf("Webhook syncs still wait (next try in %d s): %s", delay.toSeconds(), failure.getMessage());
        }
    }

    /** Back at the head of the queue, merged with what was queued for that language meanwhile: oldest first. */
    private void requeueFirst(SyncRequest request) {
        String language = request.language().orElseThrow();
        Waiting back = new Waiting(request.trigger());
        back.kinds.addAll(kinds(request));
        Map<String, Waiting> rest = new LinkedHashMap<>(pending);
        Waiting newer = rest.remove(language);
        if (newer != null) {
            back.kinds.addAll(newer.kinds);
        }
        pending.clear();
        pending.put(language, back);
        pending.putAll(rest);
    }

    /** The delay of the retry just set, or null when none was. */
    private Duration scheduleRetry() {
        if (stopped || retryTimer >= 0) {
            return null;
        }
        Duration delay = retryDelay;
        Duration doubled = retryDelay.multipliedBy(2);
        retryDelay = doubled.compareTo(MAX_RETRY) > 0 ? MAX_RETRY : doubled;
        retryTimer = vertx.setTimer(delay.toMillis(), id -> {
            synchronized (this) {
                if (retryTimer != id) {
                    return; // cancelled meanwhile
                }
                retryTimer = -1;
            }
            drainSoon();
        });
        return delay;
    }

    private static Set<SourceKind> kinds(SyncRequest request) {
        return request.sources().isEmpty() ? EnumSet.allOf(SourceKind.class) : EnumSet.copyOf(request.sources());
    }

    private static SyncRequest request(String language, Waiting waiting) {
        boolean all = waiting.kinds.equals(EnumSet.allOf(SourceKind.class));
        return new SyncRequest(waiting.trigger, Optional.of(language), all ? Set.of() : waiting.kinds);
    }

    private static String describe(Map<String, Waiting> pending) {
        return pending.entrySet().stream().map(e -> e.getKey() + " " + e.getValue().kinds)
                .collect(Collectors.joining(", "));
    }
}
