package dev.crossroads.roadmap;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.Extension;
import org.commonmark.ext.front.matter.YamlFrontMatterExtension;
import org.commonmark.ext.gfm.strikethrough.Strikethrough;
import org.commonmark.ext.gfm.strikethrough.StrikethroughExtension;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.ext.task.list.items.TaskListItemsExtension;
import org.commonmark.node.Code;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.SourceSpan;
import org.commonmark.node.Text;
import org.commonmark.internal.InlineParserImpl;
import org.commonmark.parser.IncludeSourceSpans;
import org.commonmark.parser.InlineParser;
import org.commonmark.parser.Parser;

/**
 * The one commonmark-java setup used for every page (GFM tables, strikethrough, task lists, YAML front matter), and
 * small helpers over its syntax tree. Walks are iterative: hostile pages nest thousands of levels deep.
 */
final class Markdown {

    private static final List<Extension> EXTENSIONS = List.of(
            TablesExtension.create(),
            StrikethroughExtension.builder().requireTwoTildes(true).build(),
            TaskListItemsExtension.create(),
            YamlFrontMatterExtension.create());

    /** Thread-safe once built. */
    static final Parser PARSER = Parser.builder()
            .extensions(EXTENSIONS)
            .includeSourceSpans(IncludeSourceSpans.BLOCKS)
            .build();

    /**
     * A parser with the same setup that reads the inline content (text, links, emphasis) of only the blocks
     * {@code read} accepts, and leaves every other block without children. Inline parsing is about half of
     * commonmark's work on a page, and readers that look at a few blocks (a docs page's header, the home page's
     * features table) would throw almost all of it away. The blocks themselves, link reference definitions
     * included, are parsed in full, so the blocks read come out exactly as from {@link #PARSER}.
     */
    static Parser readingInlinesOf(java.util.function.Predicate<Node> read) {
        return Parser.builder()
                .extensions(EXTENSIONS)
                .includeSourceSpans(IncludeSourceSpans.BLOCKS)
                .inlineParserFactory(context -> {
                    // commonmark's own inline parser, what the builder uses when given no factory (it offers no
                    // other way to wrap it)
                    InlineParser inlines = new InlineParserImpl(context);
                    return (lines, block) -> {
                        if (read.test(block)) {
                            inlines.parse(lines, block);
                        }
                    };
                })
                .build();
    }

    /** A bare commonmark parser with the same extensions, for benchmarks comparing against plain parsing. */
    static Parser bareParser() {
        return Parser.builder().extensions(EXTENSIONS).build();
    }

    /**
     * mkdocs attribute lists written after links and images, e.g. {@code {target="_blank"}} or
     * {@code {: .copyMe}}; they are markup for the site generator, never content.
     */
    private static final Pattern ATTRIBUTE_LIST = Pattern.compile(
            "\\{:?\\s*(?:[.#][\\w-]+|[\\w-]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s}]+))"
                    + "(?:\\s+(?:[.#][\\w-]+|[\\w-]+\\s*=\\s*(?:\"[^\"]*\"|'[^']*'|[^\\s}]+)))*\\s*}");

    /** An attribute list whose quoted value never closes (a page cut short): markup up to the end, never content. */
    private static final Pattern UNCLOSED_ATTRIBUTE_LIST = Pattern.compile("\\{:?\\s*[\\w-]+\\s*=\\s*[\"'][^\"'}]*$");

    private Markdown() {
    }

    /** Stack for the rare page that nests deeper than the caller's stack allows. */
    private static final long DEEP_STACK_BYTES = 1L << 30;

    /**
     * Parses a page. commonmark-java recurses over nested blocks and inlines, so a page nested thousands of levels
     * deep overflows an ordinary stack; such a page is parsed again on a thread with a large stack, and only if
     * that fails too is it refused, with the typed error.
     */
    static Node parse(String markdown) {
        return parse(markdown, PARSER);
    }

    /** As {@link #parse(String)}, with one of this class's parsers ({@link #readingInlinesOf}). */
    static Node parse(String markdown, Parser parser) {
        String text = Nesting.flatten(markdown).text();
        ParseBudget.Running budget = ParseBudget.current();
        try {
            return parseWithin(text, parser, budget);
        } catch (StackOverflowError tooDeep) {
            return parseOnDeepStack(text, parser, budget);
        }
    }

    /** commonmark fed through a reader that stops it when the budget is spent. */
    private static Node parseWithin(String text, Parser parser, ParseBudget.Running budget) {
        try {
            return parser.parseReader(ParseBudget.reader(text, budget));
        } catch (java.io.IOException e) {
            throw new RoadmapParseException("the text could not be read", e); // a StringReader never fails
        }
    }

    private static Node parseOnDeepStack(String markdown, Parser parser, ParseBudget.Running budget) {
        Node[] result = new Node[1];
        Throwable[] failure = new Throwable[1];
        Thread worker = new Thread(null, () -> {
            try {
                result[0] = parseWithin(markdown, parser, budget);
            } catch (StackOverflowError | RuntimeException e) {
                failure[0] = e;
            }
        }, "markdown-deep-parse", DEEP_STACK_BYTES);
        worker.start();
        try {
            worker.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RoadmapParseException("interrupted while parsing a deeply nested page", e);
        }
        if (failure[0] instanceof ParseBudget.ParseBudgetExceededException spent) {
            throw spent;
        }
        if (failure[0] != null) {
            throw new RoadmapParseException("the page nests too deeply to be read", failure[0]);
        }
        return result[0];
    }

    /** 1-based line where a block starts, 0 when unknown. */
    static int line(Node node) {
        List<SourceSpan> spans = node.getSourceSpans();
        return spans.isEmpty() ? 0 : spans.get(0).getLineIndex() + 1;
    }

    /**
     * The visible text of a node and its descendants: link and emphasis markup, inline HTML and attribute lists
     * removed, soft breaks as spaces. Nested lists are left out (they are read on their own).
     */
    static String plainText(Node node) {
        return clean(rawText(node, true));
    }

    /** Like {@link #plainText(Node)} but keeps line breaks, so a caller can split off a first line. */
    static String plainTextWithBreaks(Node node) {
        String raw = rawText(node, false);
        StringBuilder out = new StringBuilder();
        for (String line : raw.split("\n", -1)) {
            if (!out.isEmpty()) {
                out.append('\n');
            }
            out.append(clean(line));
        }
        return out.toString().strip();
    }

    static String clean(String text) {
        String withoutAttributes = text.indexOf('{') >= 0
                ? UNCLOSED_ATTRIBUTE_LIST.matcher(ATTRIBUTE_LIST.matcher(text).replaceAll("")).replaceAll("") : text;
        return collapseSpaces(withoutAttributes);
    }

    /** Runs of spaces, tabs and no-break spaces become one space; ends are trimmed. Hot path: no regex. */
    private static String collapseSpaces(String text) {
        StringBuilder out = new StringBuilder(text.length());
        boolean pendingSpace = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ' ' || c == '\t' || c == '\u00a0') {
                pendingSpace = true;
            } else {
                if (pendingSpace && !out.isEmpty()) {
                    out.append(' ');
                }
                pendingSpace = false;
                out.append(c);
            }
        }
        return out.toString().strip();
    }

    private static String rawText(Node root, boolean breaksAsSpaces) {
        StringBuilder out = new StringBuilder();
        Node node = root.getFirstChild();
        while (node != null) {
            boolean descend = false;
            if (node instanceof Text text) {
                out.append(text.getLiteral());
            } else if (node instanceof Code code) {
                out.append(code.getLiteral());
            } else if (node instanceof SoftLineBreak || node instanceof HardLineBreak) {
                out.append(breaksAsSpaces ? ' ' : '\n');
            } else if (!(node instanceof HtmlInline || node instanceof ListBlock || node instanceof Image)) {
                // images are badges and screenshots; nested lists are read on their own
                if (node.getPrevious() != null && node instanceof org.commonmark.node.Block) {
                    out.append(breaksAsSpaces ? ' ' : '\n');
                }
                descend = node.getFirstChild() != null;
            }
            node = descend ? node.getFirstChild() : nextAfter(node, root);
        }
        return out.toString();
    }

    /**
     * The next node of a depth-first walk below {@code root} once {@code node}'s subtree is done. Uses the tree's
     * own parent links, so walking allocates nothing and never recurses, however deep the page nests.
     */
    private static Node nextAfter(Node node, Node root) {
        Node current = node;
        while (current != root) {
            if (current.getNext() != null) {
                return current.getNext();
            }
            current = current.getParent();
        }
        return null;
    }

    /** All links below a node, in document order, skipping nested lists (they are read on their own). */
    static List<Link> links(Node root) {
        List<Link> links = List.of();
        Node node = root.getFirstChild();
        while (node != null) {
            if (node instanceof Link link) {
                if (links.isEmpty()) {
                    links = new ArrayList<>();
                }
                links.add(link);
            }
            boolean descend = !(node instanceof ListBlock) && node.getFirstChild() != null;
            node = descend ? node.getFirstChild() : nextAfter(node, root);
        }
        return links;
    }

    /** Whether everything visible in the node is struck through. */
    static boolean struckThrough(Node node) {
        Node first = node.getFirstChild();
        while (first instanceof org.commonmark.ext.task.list.items.TaskListItemMarker) {
            first = first.getNext();
        }
        if (first instanceof org.commonmark.node.Paragraph) {
            first = first.getFirstChild();
        }
        return first instanceof Strikethrough;
    }
}
