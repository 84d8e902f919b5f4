package dev.crossroads.history;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.roadmap.DocsFeatureParser;
import dev.crossroads.roadmap.RoadmapParser;
import dev.crossroads.snapshot.DataChanged;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.SourceService;
import dev.crossroads.sync.SourceResult;
import dev.crossroads.sync.SyncBusyException;
import dev.crossroads.sync.SyncLease;
import dev.crossroads.sync.SyncRun;
import dev.crossroads.sync.SyncRunLog;
import dev.crossroads.sync.SyncService;
import io.quarkus.logging.Log;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Backfills a language's history: walks the tracked branch's commits oldest first ({@link HistoryWalk}), stores what
 * each changed in slices ({@link HistoryRecorder}: one transaction per slice, holding the sync lease only for that
 * transaction, never beside a sync), then reads the release tags and gives each backfilled snapshot its release.
 * Only commits older than a source's first synced snapshot are read: from there on the syncs are its history.
 * Progress is stored with every slice, so an interrupted backfill continues after the last slice it stored and a
 * second one reads nothing it already has.
 */
@ApplicationScoped
public class BackfillService {

    private static final List<SourceKind> SOURCES = List.of(SourceKind.ROADMAP, SourceKind.DOCS);
    /** Page headers remembered by a walk: more than any docs tree has pages, so unchanged pages are parsed once. */
    private static final int PAGE_MEMO = 512;
    private static final Duration BUSY_WAIT = Duration.ofMillis(500);
    private static final Duration MAX_BUSY_WAIT = Duration.ofMinutes(10);

    private final SourceService family;
    private final HistoryRecorder recorder;
    private final ItemHistoryWriter replayer;
    private final SyncService sync;
    private final SyncLease lease;
    private final SyncRunLog runs;
    private final Event<DataChanged> dataChanged;
    private final CrossroadsConfig config;
    private final GitHubHistoryFactory github;
    private final Map<String, Boolean> active = new ConcurrentHashMap<>();

    BackfillService(SourceService family, HistoryRecorder recorder, ItemHistoryWriter replayer, SyncService sync,
            SyncLease lease,
            SyncRunLog runs, Event<DataChanged> dataChanged, CrossroadsConfig config, GitHubHistoryFactory github) {
        this.family = family;
        this.recorder = recorder;
        this.replayer = replayer;
        this.sync = sync;
        this.lease = lease;
        this.runs = runs;
        this.dataChanged = dataChanged;
        this.config = config;
        this.github = github;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.history().backfillOnStart()) {
            Log.info("History backfill at start-up: every language, in the background");
            start(Optional.empty(), null);
        }
    }

    /**
     * A sync stored a snapshot where items left and others arrived: the source's history is replayed, so an item
     * that moved (a page in another folder) stays one item, as on a backfill. Waits for the lease like a slice.
     */
    void onItemsMoved(@jakarta.enterprise.event.ObservesAsync dev.crossroads.snapshot.ItemsMoved moved) {
        Log.debugf("%s %s: items moved, replaying the source's history", moved.language(), moved.source());
        underLease(() -> replayer.replay(moved.language(), moved.source()))
                .subscribe().with(written -> {
                    if (written > 0) {
                        Log.infof("%s %s: items that moved kept their history (%d rows)", moved.language(),
                                moved.source(), written);
                        dataChanged.fireAsync(new DataChanged("moved items of " + moved.language()));
                    }
                }, e -> Log.warnf("%s %s: history not replayed after a move: %s", moved.language(),
                        moved.source(), e.getMessage()));
    }

    /** Every language's progress, as stored (other replicas' backfills too). */
    public Uni<List<BackfillProgress>> progress() {
        return recorder.progressAll();
    }

    /**
     * Starts backfilling one language or all (one after the other) in the background and returns at once; a language
     * whose backfill already runs on this replica is left to it.
     */
    public void start(Optional<String> language, Instant since) {
        List<LanguageSource> wanted = family.languages().stream()
                .filter(l -> language.map(l.id()::equals).orElse(true)).toList();
        Multi.createFrom().iterable(wanted)
                .onItem().transformToUniAndConcatenate(l -> run(l, since).onFailure().recoverWithNull())
                .collect().last()
                .subscribe().with(ignored -> { }, e -> Log.errorf(e, "History backfill stopped"));
    }

    /** Backfills one language and completes when it is done (or failed: the failure is recorded, then passed on). */
    public Uni<BackfillProgress> run(LanguageSource language, Instant since) {
        if (active.putIfAbsent(language.id(), Boolean.TRUE) != null) {
            return recorder.progress(language.id());
        }
        Instant started = Instant.now();
        return Uni.createFrom().item(() -> open(language)).runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .onFailure().call(e -> notStarted(language, started, e))
                .flatMap(history -> walk(language, history, since, started)
                        .eventually(history::close))
                .eventually(() -> active.remove(language.id()));
    }

    /** The history could not be opened (no clone, no repository): said in the log, the progress and a run. */
    private Uni<Void> notStarted(LanguageSource language, Instant started, Throwable e) {
        String message = "not started: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Log.warnf("History backfill %s %s", language.id(), message);
        BackfillProgress failed = new BackfillProgress(language.id(), BackfillProgress.State.FAILED, null, null, 0, 0,
                0, 0, message, null, started, Instant.now(), Instant.now());
        return recorder.saveProgress(failed)
                .flatMap(ignored -> record(language, new Tally(), started, SyncRun.Outcome.FAILED, message))
                .onFailure().recoverWithNull();
    }

    private CommitSource open(LanguageSource language) {
        try {
            if (language.localPath().isPresent()) {
                Optional<LocalGitHistory> local = LocalGitHistory.open(language.localPath().get(), language.branch());
                if (local.isPresent()) {
                    return local.get();
                }
                throw new IllegalStateException(language.localPath().get()
                        + " is not a git clone (no .git in it): its history cannot be read");
            }
            return github.open(language);
        } catch (IOException e) {
            throw new IllegalStateException("the history of " + language.id() + " cannot be read: " + e.getMessage(),
                    e);
        }
    }

    /** What one run did per source, for its run record. */
    private static final class Tally {
        final Map<SourceKind, Integer> stored = new EnumMap<>(SourceKind.class);
        final Map<SourceKind, Long> lastSnapshot = new EnumMap<>(SourceKind.class);
        final AtomicInteger done = new AtomicInteger();
        final AtomicReference<BackfillProgress> progress = new AtomicReference<>();
    }

    private Uni<BackfillProgress> walk(LanguageSource language, CommitSource history, Instant since,
            Instant started) {
        Tally tally = new Tally();
        return Uni.combine().all().unis(recorder.progress(language.id()), recorder.cutoffs(language.id()),
                recorder.lastHistoric(language.id())).asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(state -> {
                    BackfillProgress before = state.getItem1();
                    Map<SourceKind, Instant> cutoffs = state.getItem2();
                    Map<SourceKind, HistoryRecorder.LastHistoric> last = state.getItem3();
                    HistoryWalk walk = new HistoryWalk(language, history,
                            new RoadmapParser(config.parse().timeBudget()),
                            new DocsFeatureParser(config.sync().maxBytes(), config.parse().timeBudget(), PAGE_MEMO));
                    last.forEach((source, l) -> walk.resumeAfter(source, l.contentHash(), l.at()));
                    List<HistoricCommit> commits = commits(history, since, before, cutoffs, last);
                    BackfillProgress progress = new BackfillProgress(language.id(), BackfillProgress.State.RUNNING,
                            null, null, 0, commits.size(), 0, history.requests(), null, null, started,
                            Instant.now(), null);
                    tally.progress.set(progress);
                    Log.infof("History backfill %s: %d commits to read%s", language.id(), commits.size(),
                            before == null ? "" : " after " + abbreviate(before.lastCommit()));
                    int size = Math.max(1, config.history().sliceCommits());
                    List<List<HistoricCommit>> slices = new ArrayList<>();
                    for (int i = 0; i < commits.size(); i += size) {
                        slices.add(commits.subList(i, Math.min(commits.size(), i + size)));
                    }
                    return recorder.saveProgress(progress)
                            .flatMap(ignored -> Multi.createFrom().iterable(slices)
                                    .onItem().transformToUniAndConcatenate(slice -> slice(language, history, walk,
                                            slice, cutoffs, tally))
                                    .collect().last())
                            .flatMap(ignored -> replay(language, before, tally))
                            .flatMap(ignored -> releases(language, history))
                            .flatMap(released -> finish(language, history, walk, tally, started, released));
                })
                .onFailure().call(e -> failed(language, history, tally, started, e));
    }

    /** The commits to read: after the last one stored, since {@code since}, before a source's first sync. */
    private static List<HistoricCommit> commits(CommitSource history, Instant since, BackfillProgress before,
            Map<SourceKind, Instant> cutoffs, Map<SourceKind, HistoryRecorder.LastHistoric> last) {
        try {
            // a commit is read while any source still wants it: none once every source has a synced snapshot
            Instant latestCutoff = null;
            for (SourceKind source : SOURCES) {
                Instant cutoff = cutoffs.get(source);
                if (cutoff == null) {
                    latestCutoff = null;
                    break;
                }
                latestCutoff = latestCutoff == null || cutoff.isAfter(latestCutoff) ? cutoff : latestCutoff;
            }
            Instant until = latestCutoff;
            // after a stored commit, only what is newer can be new: a listing (GitHub) starts at its date
            Instant from = before == null || before.lastCommitAt() == null ? since
                    : since == null || before.lastCommitAt().isAfter(since) ? before.lastCommitAt() : since;
            return history.commits(from, before == null ? null : before.lastCommit()).stream()
                    .filter(c -> until == null || c.committedAt().isBefore(until))
                    .toList();
        } catch (IOException e) {
            throw new IllegalStateException("the commits cannot be listed: " + e.getMessage(), e);
        }
    }

    private Uni<Void> slice(LanguageSource language, CommitSource history, HistoryWalk walk,
            List<HistoricCommit> commits, Map<SourceKind, Instant> cutoffs, Tally tally) {
        return Uni.createFrom().item(() -> read(walk, commits, cutoffs))
                .runSubscriptionOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(snapshots -> {
                    HistoricCommit newest = commits.get(commits.size() - 1);
                    int done = tally.done.addAndGet(commits.size());
                    BackfillProgress progress = tally.progress.get().with(BackfillProgress.State.RUNNING,
                            newest.id(), newest.committedAt(), done, history.requests(), null, null);
                    tally.progress.set(progress);
                    Uni<Void> stored = snapshots.isEmpty() ? recorder.saveProgress(progress)
                            : underLease(() -> recorder.storeSlice(snapshots, progress))
                                    .invoke(ids -> {
                                        for (int i = 0; i < ids.size(); i++) {
                                            SourceKind source = snapshots.get(i).snapshot().source();
                                            tally.stored.merge(source, 1, Integer::sum);
                                            tally.lastSnapshot.put(source, ids.get(i));
                                        }
                                    }).replaceWithVoid();
                    return stored.invoke(() -> Log.infof("History backfill %s: %d/%d commits, %d snapshots stored",
                            language.id(), done, progress.commitsTotal(),
                            tally.stored.values().stream().mapToInt(Integer::intValue).sum()));
                });
    }

    private static List<HistoricSnapshot> read(HistoryWalk walk, List<HistoricCommit> commits,
            Map<SourceKind, Instant> cutoffs) {
        List<HistoricSnapshot> out = new ArrayList<>();
        try {
            for (HistoricCommit commit : commits) {
                Set<SourceKind> wanted = EnumSet.noneOf(SourceKind.class);
                for (SourceKind source : SOURCES) {
                    Instant cutoff = cutoffs.get(source);
                    if (cutoff == null || commit.committedAt().isBefore(cutoff)) {
                        wanted.add(source);
                    }
                }
                out.addAll(walk.read(commit, wanted));
            }
        } catch (IOException e) {
            throw new IllegalStateException("reading the history failed: " + e.getMessage(), e);
        }
        return out;
    }

    /** Holds the sync lease for one write; waits (without holding anything) while a sync runs. */
    private <T> Uni<T> underLease(java.util.function.Supplier<Uni<T>> work) {
        // deferred: each retry asks again (the busy answer is decided when asked, not when subscribed)
        return Uni.createFrom().deferred(() -> sync.holdingLease(work))
                .onFailure(SyncBusyException.class).retry().withBackOff(BUSY_WAIT, Duration.ofSeconds(5))
                .expireIn(MAX_BUSY_WAIT.toMillis());
    }

    /**
     * Replays the item history of the sources this run stored snapshots for, or of every source when the last run
     * did not end (it may have stored slices and stopped before replaying them).
     */
    private Uni<Integer> replay(LanguageSource language, BackfillProgress before, Tally tally) {
        boolean unfinished = before != null && before.state() != BackfillProgress.State.DONE;
        List<SourceKind> sources = SOURCES.stream()
                .filter(source -> unfinished || tally.stored.containsKey(source)).toList();
        if (sources.isEmpty()) {
            return Uni.createFrom().item(0);
        }
        return underLease(() -> Multi.createFrom().iterable(sources)
                .onItem().transformToUniAndConcatenate(source -> replayer.replay(language.id(), source))
                .collect().asList()
                .map(written -> written.stream().mapToInt(Integer::intValue).sum()))
                .invoke(written -> Log.infof("History backfill %s: item history replayed, %d rows written",
                        language.id(), written));
    }

    /** Reads the tags and gives every backfilled snapshot not yet released the first release containing it. */
    private Uni<Integer> releases(LanguageSource language, CommitSource history) {
        return Uni.combine().all().unis(recorder.unreleasedCommits(language.id()), recorder.knownTags(language.id()))
                .asTuple()
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .flatMap(both -> {
                    Map<String, Instant> commits = both.getItem1();
                    if (commits.isEmpty()) {
                        return Uni.createFrom().item(0); // every stored commit has its release: no tag read
                    }
                    try {
                        List<ReleaseTag> tags = history.tags(both.getItem2());
                        if (tags.isEmpty()) {
                            return Uni.createFrom().item(0);
                        }
                        return recorder.storeReleases(language.id(), tags, history.firstReleases(commits, tags));
                    } catch (IOException e) {
                        return Uni.createFrom().failure(new IllegalStateException(
                                "the release tags cannot be read: " + e.getMessage(), e));
                    }
                });
    }

    private Uni<BackfillProgress> finish(LanguageSource language, CommitSource history, HistoryWalk walk,
            Tally tally, Instant started, int released) {
        int stored = tally.stored.values().stream().mapToInt(Integer::intValue).sum();
        String message = tally.done.get() + " commits read, " + stored + " snapshots stored, " + released
                + " given their release" + (history.requests() > 0 ? ", " + history.requests() + " requests" : "")
                + (walk.problems().isEmpty() ? "" : "; " + walk.problems().size() + " unreadable, first: "
                        + String.join("; ", walk.problems().subList(0, Math.min(3, walk.problems().size()))));
        BackfillProgress current = tally.progress.get();
        BackfillProgress done = current.with(BackfillProgress.State.DONE, current.lastCommit(),
                current.lastCommitAt(), tally.done.get(), history.requests(), message, Instant.now());
        Log.infof("History backfill %s done in %d ms: %s", language.id(),
                Duration.between(started, Instant.now()).toMillis(), message);
        return recorder.saveProgress(done)
                .flatMap(ignored -> record(language, tally, started, SyncRun.Outcome.SUCCEEDED, message))
                .invoke(() -> {
                    if (stored > 0 || released > 0) {
                        dataChanged.fireAsync(new DataChanged("history backfill of " + language.id()));
                    }
                })
                .replaceWith(done);
    }

    private Uni<Void> failed(LanguageSource language, CommitSource history, Tally tally, Instant started,
            Throwable e) {
        String message = "stopped: " + (e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        Log.warnf("History backfill %s %s (it continues from the last stored slice next time)", language.id(),
                message);
        BackfillProgress current = tally.progress.get();
        Uni<Void> saved = current == null ? Uni.createFrom().voidItem()
                : recorder.saveProgress(current.with(BackfillProgress.State.FAILED, current.lastCommit(),
                        current.lastCommitAt(), tally.done.get(), history.requests(), message, Instant.now()));
        return saved.flatMap(ignored -> record(language, tally, started, SyncRun.Outcome.FAILED, message))
                .onFailure().recoverWithNull().invoke(() -> {
                    if (!tally.stored.isEmpty()) {
                        dataChanged.fireAsync(new DataChanged("history backfill of " + language.id()));
                    }
                });
    }

    private Uni<Void> record(LanguageSource language, Tally tally, Instant started, SyncRun.Outcome outcome,
            String message) {
        long millis = Duration.between(started, Instant.now()).toMillis();
        List<SourceResult> results = new ArrayList<>();
        for (SourceKind source : SOURCES) {
            SourceResult result = new SourceResult();
            result.language = language.id();
            result.source = source;
            int stored = tally.stored.getOrDefault(source, 0);
            result.status = outcome == SyncRun.Outcome.FAILED ? SourceResult.Status.FAILED
                    : stored > 0 ? SourceResult.Status.FETCHED : SourceResult.Status.UNCHANGED;
            result.message = stored + " snapshots from history; " + message;
            result.durationMs = millis;
            result.snapshotId = tally.lastSnapshot.get(source);
            results.add(result);
        }
        return runs.recordEnded(SyncRun.Trigger.BACKFILL, language.id(), lease.replica(), started, outcome, results)
                .replaceWithVoid();
    }

    private static String abbreviate(String commit) {
        return commit == null ? "the start" : commit.substring(0, Math.min(8, commit.length()));
    }
}
