package dev.crossroads.roadmap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.commonmark.parser.Parser;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Roadmap extraction against bare commonmark-java parsing of the same text. {@code corpus} is every roadmap page
 * in ../shared/corpus (or the offline examples without it) parsed in one operation; the other inputs are 1 MB
 * worst cases. Throughput in MB/s = bytes per operation / time per operation; see docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 4, time = 2)
@Measurement(iterations = 6, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g"})
public class RoadmapParseBenchmark {

    @Param({"corpus", "headings-1mb", "checklist-1mb", "real-pages-1mb"})
    public String input;

    private List<String> documents;
    private final RoadmapParser extractor = new RoadmapParser();
    private final Parser bare = Markdown.bareParser();

    @Setup(Level.Trial)
    public void load() {
        documents = switch (input) {
            case "corpus" -> corpus();
            case "headings-1mb" -> List.of(repeatToOneMegabyte("## Themes\n\n", "### A theme with a name %d\n\nProse.\n\n"));
            case "checklist-1mb" -> List.of(repeatToOneMegabyte("## Key areas\n\n### Many\n\n", "- [x] task number %d\n"));
            case "real-pages-1mb" -> List.of(realPagesToOneMegabyte());
            default -> throw new IllegalArgumentException(input);
        };
        long bytes = documents.stream().mapToLong(d -> d.getBytes(StandardCharsets.UTF_8).length).sum();
        System.out.printf("%n[%s] %d document(s), %d bytes per operation%n", input, documents.size(), bytes);
    }

    @Benchmark
    public void bareCommonmark(Blackhole sink) {
        for (String document : documents) {
            sink.consume(bare.parse(document));
        }
    }

    @Benchmark
    public void roadmapExtraction(Blackhole sink) {
        for (String document : documents) {
            sink.consume(extractor.parse(document));
        }
    }

    private static List<String> corpus() {
        Path shared = Path.of("../shared/corpus/roadmaps");
        Path folder = Files.isDirectory(shared) ? shared : Path.of("config/examples");
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(p -> p.toString().endsWith(".md") && !p.endsWith("MANIFEST.md")
                    && (folder == shared || p.endsWith("roadmap.md"))).sorted().map(RoadmapParseBenchmark::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String repeatToOneMegabyte(String head, String pattern) {
        StringBuilder page = new StringBuilder(head);
        for (int i = 0; page.length() < 1_000_000; i++) {
            page.append(String.format(pattern, i));
        }
        return page.toString();
    }

    private static String realPagesToOneMegabyte() {
        StringBuilder page = new StringBuilder();
        List<String> pages = corpus();
        for (int i = 0; page.length() < 1_000_000; i++) {
            page.append(pages.get(i % pages.size())).append("\n\n");
        }
        return page.toString();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
