package dev.crossroads.sync;

import dev.crossroads.db.StoredText;
import dev.crossroads.roadmap.DocsFeatureList;
import dev.crossroads.roadmap.DocsFeatureParser;
import dev.crossroads.roadmap.RoadmapDocument;
import dev.crossroads.roadmap.RoadmapParser;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.NewSnapshot;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.SourceLinks;
import dev.crossroads.source.FamilyConfig.LanguageSource;
import io.vertx.core.buffer.Buffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The parse step of the pipeline, from file texts to a snapshot, shared by the sync (files as they are now) and the
 * history backfill (files as they were at a commit): both must give the same items and the same content hash for
 * the same files, or a sync after a backfill would store again what the backfill stored.
 */
public final class SourceSnapshots {

    private SourceSnapshots() {
    }

    /** A roadmap page read at {@code at}. */
    public static NewSnapshot roadmap(LanguageSource language, RoadmapParser parser, String content, String etag,
            Instant at) {
        return roadmap(language, parser, content, Hashing.sha256(content), etag, at);
    }

    /** A roadmap page whose content hash is known already (the sync hashed the file as it arrived). */
    static NewSnapshot roadmap(LanguageSource language, RoadmapParser parser, String content, String contentHash,
            String etag, Instant at) {
        RoadmapDocument document = parser.parse(content);
        List<ItemFacts> items = new ArrayList<>();
        SourceLinks where = new SourceLinks(language.repository(), language.branch());
        document.items().forEach(item -> items.add(ItemFacts.of(item, language.roadmapPath(), where)));
        return new NewSnapshot(language.id(), SourceKind.ROADMAP, at, content, contentHash, etag, items);
    }

    /**
     * A docs feature list read at {@code at}: the nav (already read, to know which pages to fetch), the home page
     * (null when absent) and the pages found, by docs-relative path.
     */
    public static NewSnapshot docs(LanguageSource language, DocsFeatureParser parser, DocsFeatureParser.Nav nav,
            String navText, String home, Map<String, String> pages, Instant at) {
        return encodedDocs(language, parser, nav, navText, home, pages, at).snapshot();
    }

    /** A snapshot with its text's UTF-8 bytes, from which it was hashed: to be stored as they are. */
    record Encoded(NewSnapshot snapshot, Buffer utf8) {
    }

    /**
     * The same as {@link #docs}, with the bundle's bytes: the bundle (most of a full sync's text) is encoded once,
     * where it is made, for its hash and for storing.
     */
    static Encoded encodedDocs(LanguageSource language, DocsFeatureParser parser, DocsFeatureParser.Nav nav,
            String navText, String home, Map<String, String> pages, Instant at) {
        DocsFeatureList list = parser.parse(nav, home, path -> Optional.ofNullable(pages.get(path)));
        String bundle = bundle(language, navText, home, pages);
        byte[] utf8 = bundle.getBytes(StandardCharsets.UTF_8);
        SourceLinks where = new SourceLinks(language.repository(), language.branch());
        List<ItemFacts> items = ItemFacts.of(list, language.docs().root(), where);
        return new Encoded(new NewSnapshot(language.id(), SourceKind.DOCS, at, bundle, Hashing.sha256(utf8), null,
                items), StoredText.wrap(utf8));
    }

    /** All files of the docs source in one text, in a fixed order (pages sorted by path), so one hash covers them. */
    static String bundle(LanguageSource language, String nav, String home, Map<String, String> pages) {
        // joined in one go: String.join sizes the result once, where a StringBuilder would grow (and widen, at the
        // first page with a character outside Latin-1) by copying a few hundred kilobytes several times
        List<String> parts = new ArrayList<>(5 * pages.size() + 10);
        addFile(parts, language.docs().nav(), nav);
        if (home != null) {
            addFile(parts, language.docs().home(), home);
        }
        String root = language.docs().root() + '/';
        new TreeMap<>(pages).forEach((path, page) -> addFile(parts, root + path, page));
        return String.join("", parts);
    }

    private static void addFile(List<String> parts, String path, String content) {
        parts.add("==> ");
        parts.add(path);
        parts.add("\n");
        parts.add(content);
        parts.add("\n");
    }
}
