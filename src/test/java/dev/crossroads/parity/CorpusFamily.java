package dev.crossroads.parity;

import dev.crossroads.roadmap.DocsFeatureList;
import dev.crossroads.roadmap.DocsFeatureParser;
import dev.crossroads.roadmap.RoadmapParser;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.SourceLinks;
import dev.crossroads.snapshot.StoredItem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The four Powertools docs trees of the shared corpus read as a sync would (docs nav, home page, pages, roadmap), as
 * stored items, without a database: the input of alignment and the engine in the corpus tests.
 */
final class CorpusFamily {

    static final Path TREES = Path.of("../shared/corpus/trees");
    static final List<ParityEngine.Language> LANGUAGES = List.of(new ParityEngine.Language("python", "Python"),
            new ParityEngine.Language("typescript", "TypeScript"), new ParityEngine.Language("java", "Java"),
            new ParityEngine.Language("dotnet", ".NET"));
    static final Instant SEEN = Instant.parse("2024-09-01T00:00:00Z");

    private CorpusFamily() {
    }

    static List<String> languageIds() {
        return LANGUAGES.stream().map(ParityEngine.Language::id).toList();
    }

    static List<StoredItem> items() {
        List<StoredItem> items = new ArrayList<>();
        for (String language : languageIds()) {
            items.addAll(items(language, tree(language)));
        }
        return items;
    }

    static Path tree(String language) {
        try (var folders = Files.list(TREES)) {
            return folders.filter(f -> f.getFileName().toString().startsWith(language + "-")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no corpus tree for " + language + " in " + TREES));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One language's docs and roadmap items, read from a tree laid out as in its repository. */
    static List<StoredItem> items(String language, Path tree) {
        SourceLinks where = new SourceLinks("aws-powertools/powertools-lambda-" + language, "main");
        List<StoredItem> items = new ArrayList<>();
        DocsFeatureList docs = new DocsFeatureParser(5 << 20).parse(read(tree.resolve("mkdocs.yml")).orElseThrow(),
                read(tree.resolve("docs/index.md")).orElse(null), page -> read(tree.resolve("docs").resolve(page)));
        ItemFacts.of(docs, "docs", where).forEach(f -> items.add(stored(language, SourceKind.DOCS, f)));
        read(tree.resolve("docs/roadmap.md")).ifPresent(page -> new RoadmapParser().parse(page).items()
                .forEach(item -> items.add(stored(language, SourceKind.ROADMAP,
                        ItemFacts.of(item, "docs/roadmap.md", where)))));
        return items;
    }

    static StoredItem stored(String language, SourceKind source, ItemFacts facts) {
        return new StoredItem(language, source, facts, SEEN, SEEN, SEEN);
    }

    private static Optional<String> read(Path file) {
        try {
            return Files.isRegularFile(file) ? Optional.of(Files.readString(file)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
