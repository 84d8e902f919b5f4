package dev.crossroads.sync;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.roadmap.DocsFeatureParser;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * Reads a language's docs feature list: {@code mkdocs.yml}, the home page, then only the pages the nav lists as
 * features (for their titles and maturity markers).
 */
@ApplicationScoped
class DocsStep {

    private static final int PAGE_PARALLELISM = 4;

    private final SourceFiles files;
    private final DocsFeatureParser parser;

    DocsStep(SourceFiles files, CrossroadsConfig config) {
        this.files = files;
        this.parser = new DocsFeatureParser(config.sync().maxBytes(), config.parse().timeBudget());
    }

    Uni<SourceOutcome> read(LanguageSource language, Map<String, HttpCacheEntry> cache) {
        long started = System.nanoTime();
        Uni<FileRead> nav = files.read(language, language.docs().nav(), cache);
        Uni<FileRead> home = files.read(language, language.docs().home(), cache);
        return Uni.combine().all().unis(nav, home).asTuple().flatMap(both -> {
            FileRead navFile = both.getItem1();
            FileRead homeFile = both.getItem2();
            if (navFile.notFound()) {
                return Uni.createFrom().item(SourceOutcome.failed(language.id(), SourceKind.DOCS, navFile.httpStatus(),
                        language.docs().nav() + " not found at " + navFile.location(), millis(started)));
            }
            DocsFeatureParser.Nav features = parser.nav(navFile.content());
            return Multi.createFrom().iterable(features.featurePages())
                    .onItem().transformToUni(page -> files.read(language, language.docs().root() + "/" + page, cache)
                            .map(read -> Map.entry(page, read)))
                    .merge(PAGE_PARALLELISM)
                    .collect().asList()
                    .emitOn(Infrastructure.getDefaultWorkerPool()) // parsing is CPU work: off the event loop
                    .map(pageReads -> outcome(language, features, navFile, homeFile, pageReads, started));
        });
    }

    private SourceOutcome outcome(LanguageSource language, DocsFeatureParser.Nav features, FileRead nav,
            FileRead home, List<Map.Entry<String, FileRead>> pageReads, long started) {
        List<FileRead> all = new ArrayList<>(List.of(nav, home));
        Map<String, String> pages = new TreeMap<>();
        for (Map.Entry<String, FileRead> page : pageReads) {
            all.add(page.getValue());
            if (!page.getValue().notFound()) {
                pages.put(page.getKey(), page.getValue().content());
            }
        }
        List<HttpCacheEntry> updates = all.stream().map(FileRead::cacheUpdate).filter(Objects::nonNull).toList();
        Integer remaining = all.stream().map(FileRead::rateLimitRemaining).filter(Objects::nonNull)
                .min(Integer::compare).orElse(null);
        boolean anyChanged = all.stream().anyMatch(FileRead::changed);
        if (!anyChanged) {
            boolean all304 = all.stream().allMatch(f -> f.httpStatus() == 304);
            return new SourceOutcome(language.id(), SourceKind.DOCS, all304 ? SourceResult.Status.NOT_MODIFIED
                    : SourceResult.Status.UNCHANGED, nav.httpStatus(), null, millis(started), remaining, null, updates);
        }
        String homeText = home.notFound() ? null : home.content();
        NewSnapshot snapshot = SourceSnapshots.docs(language, parser, features, nav.content(), homeText, pages,
                Instant.now());
        List<ItemFacts> items = snapshot.items();
        String missing = pageReads.stream().filter(p -> p.getValue().notFound()).map(Map.Entry::getKey)
                .reduce((a, b) -> a + ", " + b).map(m -> "; pages not found: " + m).orElse("");
        return new SourceOutcome(language.id(), SourceKind.DOCS, SourceResult.Status.FETCHED, nav.httpStatus(),
                items.size() + " features from " + (2 + pages.size()) + " files" + missing, millis(started), remaining,
                snapshot, updates);
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
