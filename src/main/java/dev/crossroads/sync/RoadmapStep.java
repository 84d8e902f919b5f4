package dev.crossroads.sync;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.roadmap.RoadmapParser;
import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

/** Reads and parses a language's roadmap page. */
@ApplicationScoped
class RoadmapStep {

    private final SourceFiles files;
    private final RoadmapParser parser;

    RoadmapStep(SourceFiles files, CrossroadsConfig config) {
        this.files = files;
        // the same budget as previews: a page too costly to read fails its source with the reason, never the run
        this.parser = new RoadmapParser(config.parse().timeBudget());
    }

    Uni<SourceOutcome> read(LanguageSource language, HttpCache cache) {
        long started = System.nanoTime();
        // parsing is CPU work: it runs on a worker, leaving the event loop to the network and the database
        return files.read(language, language.roadmapPath(), cache)
                .emitOn(Infrastructure.getDefaultWorkerPool())
                .map(file -> outcome(language, file, (System.nanoTime() - started) / 1_000_000));
    }

    private SourceOutcome outcome(LanguageSource language, FileRead file, long millis) {
        if (file.notFound()) {
            return SourceOutcome.failed(language.id(), SourceKind.ROADMAP, file.httpStatus(),
                    language.roadmapPath() + " not found at " + file.location(), millis);
        }
        List<HttpCacheEntry> updates = file.cacheUpdate() == null ? List.of() : List.of(file.cacheUpdate());
        if (!file.changed()) {
            SourceResult.Status status = file.httpStatus() == 304 ? SourceResult.Status.NOT_MODIFIED
                    : SourceResult.Status.UNCHANGED;
            return new SourceOutcome(language.id(), SourceKind.ROADMAP, status, file.httpStatus(), null, millis,
                    file.rateLimitRemaining(), updates);
        }
        NewSnapshot snapshot = SourceSnapshots.roadmap(language, parser, file.content(), file.contentHash(),
                file.cacheUpdate() == null ? null : file.cacheUpdate().etag(), Instant.now());
        return new SourceOutcome(language.id(), SourceKind.ROADMAP, SourceResult.Status.FETCHED, file.httpStatus(),
                snapshot.items().size() + " items", millis, file.rateLimitRemaining(), snapshot,
                file.utf8(), updates);
    }
}
