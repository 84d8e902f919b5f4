package dev.crossroads.sync;

import dev.crossroads.config.CrossroadsConfig;
import dev.crossroads.roadmap.DocsFeatureParser;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Reads a language's docs feature list: {@code mkdocs.yml}, the home page, then only the pages the nav lists as
 * features (for their titles and maturity markers). The nav rarely changes, so the pages it listed last time are
 * asked for beside the nav and the home page instead of after them; a nav that changed has its new pages fetched
 * when it has been read, and pages it no longer lists are left unread.
 */
@ApplicationScoped
class DocsStep {

    private final SourceFiles files;
    private final DocsFeatureParser parser;
    /** The nav each language had when last read here: its content hash and the pages it lists. */
    private final Map<String, KnownNav> known = new ConcurrentHashMap<>();

    private record KnownNav(String contentHash, DocsFeatureParser.Nav nav) {
    }

    DocsStep(SourceFiles files, CrossroadsConfig config) {
        this.files = files;
        this.parser = new DocsFeatureParser(config.sync().maxBytes(), config.parse().timeBudget());
    }

    Uni<SourceOutcome> read(LanguageSource language, HttpCache cache) {
        long started = System.nanoTime();
        Uni<FileRead> nav = Started.now(files.read(language, language.docs().nav(), cache));
        Uni<FileRead> home = Started.now(files.read(language, language.docs().home(), cache));
        KnownNav before = known.get(language.id());
        Map<String, Uni<FileRead>> pages = new ConcurrentHashMap<>();
        if (before != null) {
            before.nav().featurePages().forEach(page -> pages.put(page, page(language, page, cache)));
        }
        return Uni.combine().all().unis(nav, home).asTuple().flatMap(both -> {
            FileRead navFile = both.getItem1();
            FileRead homeFile = both.getItem2();
            if (navFile.notFound()) {
                return Uni.createFrom().item(SourceOutcome.failed(language.id(), SourceKind.DOCS, navFile.httpStatus(),
                        language.docs().nav() + " not found at " + navFile.location(), millis(started)));
            }
            return navOf(navFile, before, cache).flatMap(navRead -> {
                DocsFeatureParser.Nav features = navRead.nav();
                known.put(language.id(), new KnownNav(navFile.contentHash(), features));
                List<String> listed = features.featurePages();
                List<Uni<FileRead>> reads = listed.stream()
                        .map(page -> pages.computeIfAbsent(page, path -> page(language, path, cache))).toList();
                Uni<List<FileRead>> all = reads.isEmpty() ? Uni.createFrom().item(List.of())
                        : Uni.join().all(reads).andFailFast();
                return all.flatMap(pageReads -> withContentIfChanged(cache, navRead.file(), homeFile, pageReads))
                        .emitOn(Infrastructure.getDefaultWorkerPool()) // parsing is CPU work: off the event loop
                        .map(files -> outcome(language, features, files, listed, started));
            });
        });
    }

    /** The nav file and what it lists. */
    private record NavRead(FileRead file, DocsFeatureParser.Nav nav) {
    }

    /**
     * The nav as listed last time when its content is the same, else read again (on a worker: it is YAML). A nav that
     * answered 304 but is not known here (unchanged since before a restart) is read from its cached copy, once: the
     * read with its text goes on to the source's parse.
     */
    private Uni<NavRead> navOf(FileRead nav, KnownNav before, HttpCache cache) {
        if (before != null && before.contentHash().equals(nav.contentHash())) {
            return Uni.createFrom().item(new NavRead(nav, before.nav()));
        }
        return cache.withContent(nav).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(read -> new NavRead(read, parser.nav(read.content())));
    }

    /**
     * Every file of the source, nav and home page first, with its text when the source is to be parsed again (one
     * of them changed: those answered 304 get their cached copies), else as read (nothing is parsed).
     */
    private static Uni<List<FileRead>> withContentIfChanged(HttpCache cache, FileRead nav, FileRead home,
            List<FileRead> pages) {
        List<FileRead> all = new ArrayList<>(pages.size() + 2);
        all.add(nav);
        all.add(home);
        all.addAll(pages);
        return all.stream().anyMatch(FileRead::changed) ? cache.withContent(all) : Uni.createFrom().item(all);
    }

    /**
     * Sends the request now and keeps its answer for whoever asks later (a page may turn out not to be needed). How
     * many requests are in flight to one host at a time is the HTTP client's to bound
     * ({@code crossroads.sync.parallelism}).
     */
    private Uni<FileRead> page(LanguageSource language, String page, HttpCache cache) {
        return Started.now(files.read(language, language.docs().root() + "/" + page, cache));
    }

    /** @param files nav, home page, then the pages in the order {@code listed} */
    private SourceOutcome outcome(LanguageSource language, DocsFeatureParser.Nav features, List<FileRead> files,
            List<String> listed, long started) {
        FileRead nav = files.get(0);
        FileRead home = files.get(1);
        List<HttpCacheEntry> updates = files.stream().map(FileRead::cacheUpdate).filter(Objects::nonNull).toList();
        Integer remaining = files.stream().map(FileRead::rateLimitRemaining).filter(Objects::nonNull)
                .min(Integer::compare).orElse(null);
        if (files.stream().noneMatch(FileRead::changed)) {
            boolean all304 = files.stream().allMatch(f -> f.httpStatus() == 304);
            return new SourceOutcome(language.id(), SourceKind.DOCS, all304 ? SourceResult.Status.NOT_MODIFIED
                    : SourceResult.Status.UNCHANGED, nav.httpStatus(), null, millis(started), remaining, updates);
        }
        Map<String, String> pages = new TreeMap<>();
        List<String> missing = new ArrayList<>();
        for (int i = 0; i < listed.size(); i++) {
            FileRead page = files.get(i + 2);
            if (page.notFound()) {
                missing.add(listed.get(i));
            } else {
                pages.put(listed.get(i), page.content());
            }
        }
        String homeText = home.notFound() ? null : home.content();
        SourceSnapshots.Encoded encoded = SourceSnapshots.encodedDocs(language, parser, features, nav.content(),
                homeText, pages, Instant.now());
        NewSnapshot snapshot = encoded.snapshot();
        List<ItemFacts> items = snapshot.items();
        String notFound = missing.isEmpty() ? "" : "; pages not found: " + String.join(", ", missing);
        return new SourceOutcome(language.id(), SourceKind.DOCS, SourceResult.Status.FETCHED, nav.httpStatus(),
                items.size() + " features from " + (2 + pages.size()) + " files" + notFound, millis(started),
                remaining, snapshot, encoded.utf8(), updates);
    }

    private static long millis(long started) {
        return (System.nanoTime() - started) / 1_000_000;
    }
}
