package dev.crossroads.sync;

import dev.crossroads.snapshot.ChangeEvent;
import dev.crossroads.snapshot.ChangeEventRepository;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import dev.crossroads.source.SourceService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Read side of the sync: the state of every source, recent runs, and the change log. */
@ApplicationScoped
public class SyncQueryService {

    private final SourceService sources;
    private final SourceResultRepository results;
    private final SyncRunRepository runs;
    private final ChangeEventRepository changes;

    SyncQueryService(SourceService sources, SourceResultRepository results, SyncRunRepository runs,
            ChangeEventRepository changes) {
        this.sources = sources;
        this.results = results;
        this.runs = runs;
        this.changes = changes;
    }

    /** One configured source and what its latest sync said. */
    public record SourceState(String language, SourceKind source, SourceResult latest, Instant lastSuccessAt) {
    }

    /** A run with the results of its sources. */
    public record RunWithResults(SyncRun run, List<SourceResult> results) {
    }

    public Uni<List<SourceState>> sources() {
        return OwnSession.run(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(this::readSources));
    }

    private Uni<List<SourceState>> readSources() {
        return results.latestPerSource().flatMap(latest -> results.latestSuccessPerSource().map(success -> {
            Map<String, SourceResult> byKey = latest.stream().collect(Collectors.toMap(SyncQueryService::key,
                    Function.identity()));
            Map<String, SourceResult> okByKey = success.stream().collect(Collectors.toMap(SyncQueryService::key,
                    Function.identity()));
            List<SourceState> states = new ArrayList<>();
            for (LanguageSource language : sources.languages()) {
                for (SourceKind kind : SourceKind.values()) {
                    if (kind == SourceKind.BOARD && language.board().isEmpty()) {
                        continue;
                    }
                    String key = language.id() + "/" + kind;
                    SourceResult ok = okByKey.get(key);
                    states.add(new SourceState(language.id(), kind, byKey.get(key), ok == null ? null : ok.finishedAt));
                }
            }
            return states;
        }));
    }

    public Uni<List<RunWithResults>> latestRuns(int count) {
        return OwnSession.run(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(() -> readRuns(count)));
    }

    private Uni<List<RunWithResults>> readRuns(int count) {
        return runs.latest(count).flatMap(found -> {
            if (found.isEmpty()) {
                return Uni.createFrom().item(List.<RunWithResults>of());
            }
            List<Long> ids = found.stream().map(r -> r.id).toList();
            return results.list("runId in ?1 order by id", ids).map(all -> {
                Map<Long, List<SourceResult>> byRun = all.stream().collect(Collectors.groupingBy(r -> r.runId));
                return found.stream().map(run -> new RunWithResults(run, byRun.getOrDefault(run.id, List.of())))
                        .toList();
            });
        });
    }

    /** {@code limit + 1} changes are read so the caller can tell whether another page follows. */
    public Uni<List<ChangeEvent>> changes(Instant since, long afterId, int limit) {
        return OwnSession.run(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                () -> changes.page(since, afterId, limit + 1)));
    }

    /** The latest changes, newest first, of one language or of all when it is null. */
    public Uni<List<ChangeEvent>> recentChanges(String language, int limit) {
        return OwnSession.run(() -> io.quarkus.hibernate.reactive.panache.Panache.withSession(
                () -> changes.newest(language, limit)));
    }

    private static String key(SourceResult result) {
        return result.language + "/" + result.source;
    }
}
