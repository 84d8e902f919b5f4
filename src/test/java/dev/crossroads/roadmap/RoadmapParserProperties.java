package dev.crossroads.roadmap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * Generated and mutated pages: whatever the input, the parser answers with a document whose invariants hold, or
 * with {@link RoadmapParseException}, never with anything else.
 */
class RoadmapParserProperties {

    private final RoadmapParser parser = new RoadmapParser();

    @Property(tries = 300)
    void generatedRoadmapsKeepTheirInvariants(@ForAll("roadmapPages") String page) {
        checkInvariants(page);
    }

    @Property(tries = 300)
    void mutatedRealShapedPagesNeverBreakTheParser(@ForAll("seedPages") String seed, @ForAll("mutations")
            List<Mutation> mutations) {
        String page = seed;
        for (Mutation mutation : mutations) {
            page = mutation.apply(page);
        }
        checkInvariants(page);
    }

    @Property(tries = 500)
    void anyTextAtAll(@ForAll String text) {
        checkInvariants(text);
    }

    @Property(tries = 100)
    void mutatedMkdocsFilesFailOnlyWithTheTypedError(@ForAll("mutations") List<Mutation> mutations) {
        String yaml = read(Path.of("config/examples/gizmo/python/mkdocs.yml"));
        for (Mutation mutation : mutations) {
            yaml = mutation.apply(yaml);
        }
        try {
            DocsFeatureList list = new DocsFeatureParser(1 << 20).parse(yaml, "", PageSource.none());
            assertThat(list.features()).allSatisfy(f -> assertThat(f.name()).isNotNull());
        } catch (RoadmapParseException expected) {
            assertThat(expected.getMessage()).isNotBlank();
        }
    }

    private void checkInvariants(String page) {
        RoadmapDocument doc;
        try {
            doc = parser.parse(page);
        } catch (RoadmapParseException typed) {
            assertThat(typed.getMessage()).isNotBlank();
            return;
        }
        assertThat(doc.items()).extracting(RoadmapItem::id).doesNotHaveDuplicates();
        for (RoadmapItem item : doc.items()) {
            assertThat(item.title()).isNotBlank();
            assertThat(item.progress().done()).isBetween(0, item.progress().total());
            assertThat(item.status() != null || item.kind() == ItemKind.STREAM).isTrue();
            assertThat(item.checklist()).allSatisfy(c -> assertThat(c.depth()).isBetween(0, ItemBody.MAX_LIST_DEPTH));
            assertThat(item.title()).doesNotContain("{target=");
        }
    }

    @Provide
    Arbitrary<String> roadmapPages() {
        Arbitrary<String> heading = Combinators.combine(Arbitraries.integers().between(1, 6),
                Arbitraries.of("Themes", "Key areas", "Launched", "Dropped", "Overview", "Process",
                        "Roadmap status definition", "Main Streams of Work", "Logging", "Core utilities (p0)",
                        "Metrics (P2)", "~~Layers~~", "FAQs", "[Docs](https://x.dev){target=\"_blank\"}", ""))
                .as((level, text) -> "#".repeat(level) + " " + text + "\n\n");
        Arbitrary<String> task = Combinators.combine(Arbitraries.integers().between(0, 4), Arbitraries.of(" ", "x"),
                Arbitraries.strings().alpha().ofMaxLength(12))
                .as((depth, box, text) -> "    ".repeat(depth) + "* [" + box + "] " + text + "\n");
        Arbitrary<String> block = Arbitraries.oneOf(heading, task,
                Arbitraries.of("**Major updates**\n\n", "!!! info \"Note\"\n    body\n\n", "???+ tip\n\n",
                        "> [Docs](https://docs.x.dev/a/)\n\n", "> **Reason**: because\n\n",
                        "```mermaid\ngraph LR\n  A --> Merged[\"Coming soon\"]\n```\n\n", "<center>\n<i>x</i>\n</center>\n",
                        "1. **Stream**\n\n   Text.\n\n", "| a | b |\n|---|---|\n| 1 | 2 |\n\n", "---\ntitle: x\n---\n",
                        "* **Ideas**. Incoming.\n", "[empty]()\n\n", "Status: Working on it\n\n",
                        "See [#12](https://github.com/o/r/issues/12){target=\"\\_blank\"}\n\n"),
                Arbitraries.strings().ofMaxLength(40).map(s -> s + "\n"));
        return block.list().ofMaxSize(60).map(blocks -> String.join("", blocks));
    }

    @Provide
    Arbitrary<String> seedPages() {
        List<String> seeds = new ArrayList<>();
        try (Stream<Path> files = Files.walk(Path.of("config/examples"))) {
            files.filter(p -> p.toString().endsWith(".md")).sorted().map(RoadmapParserProperties::read)
                    .forEach(seeds::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path corpus = Path.of("../shared/corpus/roadmaps");
        if (Files.isDirectory(corpus)) {
            try (Stream<Path> files = Files.list(corpus)) {
                files.filter(p -> p.toString().endsWith(".md")).sorted().map(RoadmapParserProperties::read)
                        .forEach(seeds::add);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return Arbitraries.of(seeds);
    }

    @Provide
    Arbitrary<List<Mutation>> mutations() {
        Arbitrary<Mutation> mutation = Combinators.combine(Arbitraries.of(MutationKind.values()),
                Arbitraries.doubles().between(0, 1), Arbitraries.doubles().between(0, 1),
                Arbitraries.strings().ofMaxLength(8))
                .as(Mutation::new);
        return mutation.list().ofMinSize(1).ofMaxSize(8);
    }

    enum MutationKind { DELETE, DUPLICATE, INSERT, TRUNCATE, INDENT, SWAP }

    record Mutation(MutationKind kind, double from, double to, String text) {

        String apply(String page) {
            if (page.isEmpty()) {
                return text;
            }
            int a = (int) (from * page.length());
            int b = Math.min(page.length(), a + (int) (to * 400));
            return switch (kind) {
                case DELETE -> page.substring(0, a) + page.substring(b);
                case DUPLICATE -> page.substring(0, b) + page.substring(a, b) + page.substring(b);
                case INSERT -> page.substring(0, a) + text + page.substring(a);
                case TRUNCATE -> page.substring(0, a);
                case INDENT -> page.substring(0, a) + page.substring(a, b).replace("\n", "\n    ") + page.substring(b);
                case SWAP -> page.substring(a, b) + page.substring(0, a) + page.substring(b);
            };
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
