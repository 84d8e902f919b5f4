package dev.crossroads.roadmap;

import dev.crossroads.roadmap.RoadmapSection.SectionRole;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.commonmark.ext.front.matter.YamlFrontMatterBlock;
import org.commonmark.ext.front.matter.YamlFrontMatterNode;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/**
 * Reads a roadmap page into a {@link RoadmapDocument}: every Powertools era (Themes prose, Key areas checklists,
 * priority groups, Launched / Dropped sections) and foreign shapes such as numbered streams of work.
 *
 * <p>How sections are read: headings named like "Themes", "Key areas", "Launched" hold items; headings named like
 * "Overview", "Process" or "FAQs" explain the page and hold none; below a container, a heading with sub-headings
 * groups items (and may give them a priority), a heading without is an item. A container with no sub-headings
 * takes the entries of its lists as items. A page with no container at all has its remaining headings read as
 * items. Pages are parsed once into a commonmark syntax tree; nothing reads the raw text with patterns.
 *
 * <p>Thread-safe and stateless.
 */
public final class RoadmapParser {

    private final java.time.Duration budget;

    /** A parser whose every parse must finish within {@link ParseBudget#DEFAULT}. */
    public RoadmapParser() {
        this(ParseBudget.DEFAULT);
    }

    /** A parser whose every parse must finish within {@code budget}, or fail with the budget's typed error. */
    public RoadmapParser(java.time.Duration budget) {
        this.budget = budget;
    }

    public RoadmapDocument parse(String markdown) {
        if (markdown == null) {
            throw new RoadmapParseException("no roadmap text given");
        }
        if (markdown.indexOf('\0') >= 0) {
            throw new RoadmapParseException("the text contains NUL characters: this is binary data, not Markdown");
        }
        Nesting.Flattened flattened = Nesting.flatten(markdown);
        RoadmapDocument read = ParseBudget.within(budget, () -> new Reading(Markdown.parse(flattened.text())).read());
        if (flattened.warnings().isEmpty()) {
            return read;
        }
        List<ParseWarning> warnings = new ArrayList<>(flattened.warnings());
        warnings.addAll(read.warnings());
        warnings.sort(java.util.Comparator.comparingInt(ParseWarning::line));
        return new RoadmapDocument(read.title(), read.frontMatter(), read.statusVocabulary(), read.sections(),
                read.items(), warnings);
    }

    /** One parse: the walk state over the top-level blocks of one page. */
    private static final class Reading {

        private final Node document;
        private final List<ParseWarning> warnings = new ArrayList<>();
        private final List<Frame> frames = new ArrayList<>();
        private final List<String> statusVocabulary = new ArrayList<>();
        private final Map<String, List<String>> frontMatter = new LinkedHashMap<>();
        private final List<Frame> itemFrames = new ArrayList<>();
        private final List<Frame> containers = new ArrayList<>();
        private final Deque<Frame> stack = new ArrayDeque<>();
        /** Headings repeat (every runtime has "Logging"); their names are read once per page. */
        private final Map<String, SectionName> names = new java.util.HashMap<>();
        /** The text of every top-level heading, extracted once by {@link #survey()} for the walk to reuse. */
        private final Map<Heading, String> headingTexts = new java.util.IdentityHashMap<>();
        private boolean pageHasContainers;
        private boolean pageMentionsRoadmap;
        private String title;
        private boolean contentSeen;

        Reading(Node document) {
            this.document = document;
            survey();
        }

        /**
         * One pass over the top-level headings and front matter before the walk: does the page have container
         * sections, and does it call itself a roadmap anywhere? Both decide how loose headings are read.
         */
        private void survey() {
            for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
                String text = "";
                if (block instanceof Heading heading) {
                    text = Markdown.plainText(heading);
                    headingTexts.put(heading, text);
                    pageHasContainers |= names.computeIfAbsent(text, SectionName::of).containerKind().isPresent();
                } else if (block instanceof YamlFrontMatterBlock) {
                    text = frontMatterText(block);
                }
                pageMentionsRoadmap |= text.toLowerCase(java.util.Locale.ROOT).contains("roadmap");
            }
        }

        RoadmapDocument read() {
            if (!pageHasContainers && pageMentionsRoadmap) {
                warnings.add(new ParseWarning(0, "no Themes, Key areas, Launched or similar section: "
                        + "every heading outside the overview and process sections is read as an item"));
            } else if (!pageHasContainers) {
                warnings.add(new ParseWarning(0, "this page does not look like a roadmap (no Themes, Key areas, "
                        + "Launched or similar section, and no 'Roadmap' title): no items read"));
            }
            for (Node block = document.getFirstChild(); block != null; block = block.getNext()) {
                if (block instanceof YamlFrontMatterBlock frontMatterBlock) {
                    readFrontMatter(frontMatterBlock);
                } else if (block instanceof Heading heading) {
                    enter(heading);
                } else if (stack.isEmpty()) {
                    contentSeen |= !(block instanceof org.commonmark.node.HtmlBlock);
                } else {
                    stack.peek().blocks.add(block);
                }
            }
            List<RoadmapItem> items = new ItemAssembler(warnings).assemble(itemFrames, containers);
            for (Frame frame : statusFrames) {
                StatusVocabulary.collect(frame.blocks, statusVocabulary);
            }
            if (items.isEmpty()) {
                warnings.add(new ParseWarning(0, "no roadmap items found"));
            }
            warnings.sort(java.util.Comparator.comparingInt(ParseWarning::line));
            String pageTitle = Optional.ofNullable(frontMatter.get("title")).filter(v -> !v.isEmpty())
                    .map(v -> v.get(0)).orElse(title);
            // roles are final only now: an item heading turns into a group when a sub-heading follows it
            List<RoadmapSection> sections = frames.stream()
                    .map(f -> new RoadmapSection(f.path, f.level, f.role, f.line)).toList();
            return new RoadmapDocument(pageTitle, Collections.unmodifiableMap(frontMatter),
                    dedupe(statusVocabulary), sections, items, warnings);
        }

        private final List<Frame> statusFrames = new ArrayList<>();

        private void enter(Heading heading) {
            int level = heading.getLevel();
            String text = headingTexts.get(heading);
            int line = Markdown.line(heading);
            Frame previousSibling = null;
            while (!stack.isEmpty() && stack.peek().level >= level) {
                Frame closed = stack.pop();
                if (closed.level == level) {
                    previousSibling = closed;
                }
            }
            if (text.isEmpty()) {
                warnings.add(new ParseWarning(line, "empty heading skipped"));
                stack.push(Frame.about(level, "", line));
                return;
            }
            Frame frame = classify(heading, level, text, names.computeIfAbsent(text, SectionName::of), line,
                    adoptingContainer(previousSibling));
            frame.path = frame.role == SectionRole.TITLE ? List.of(frame.title) : pathTo(frame);
            frames.add(frame);
            stack.push(frame);
        }

        /**
         * Some pages put the items at the same level as an empty "Key areas" heading instead of below it; such a
         * container adopts the sibling headings that follow it, up to the next explanatory or container heading.
         */
        private Frame adoptingContainer(Frame previousSibling) {
            if (previousSibling == null) {
                return null;
            }
            if (previousSibling.role == SectionRole.CONTAINER && previousSibling.children.isEmpty()
                    && !adopters.contains(previousSibling) && previousSibling.blocks.stream()
                            .noneMatch(b -> b instanceof org.commonmark.node.ListBlock)) {
                return previousSibling;
            }
            return previousSibling.adoptedBy;
        }

        private final java.util.Set<Frame> adopters = new java.util.HashSet<>();

        private Frame classify(Heading heading, int level, String text, SectionName name, int line, Frame adopter) {
            boolean firstHeading = frames.isEmpty() && !contentSeen;
            if (level == 1 && title == null && !name.about() && name.containerKind().isEmpty()
                    || firstHeading && name.namesThePage() && name.containerKind().isEmpty()) {
                title = text;
                return Frame.title(level, text, line);
            }
            Optional<ItemKind> containerKind = name.containerKind();
            if (containerKind.isPresent() && nearestItemFrame() == null) {
                Frame frame = Frame.container(level, text, line, containerKind.get());
                containers.add(frame);
                return frame;
            }
            if (name.about()) {
                warnings.add(new ParseWarning(line, "section '" + text + "' explains the roadmap: no items read"));
                Frame frame = Frame.about(level, text, line);
                if (name.definesStatuses()) {
                    statusFrames.add(frame);
                }
                return frame;
            }
            if (adopter != null) {
                Frame frame = Frame.item(level, text, line, heading, null, adopter);
                frame.adoptedBy = adopter;
                adopters.add(adopter);
                itemFrames.add(frame);
                warnings.add(new ParseWarning(line, "'" + text + "' sits beside '" + adopter.title
                        + "' rather than below it: read as one of its items"));
                return frame;
            }
            Frame scope = nearestScope();
            boolean inContainer = scope != null && scope.role == SectionRole.CONTAINER;
            boolean loose = scope == null && !pageHasContainers && pageMentionsRoadmap;
            boolean underItem = scope != null && (scope.role == SectionRole.ITEM || scope.role == SectionRole.GROUP);
            if (inContainer || loose || underItem) {
                Frame parent = nearestItemFrame();
                Frame container = parent != null ? parent.container : nearestContainer();
                Frame frame = Frame.item(level, text, line, heading, parent, container);
                if (parent != null) {
                    parent.role = SectionRole.GROUP;
                    parent.children.add(frame);
                }
                itemFrames.add(frame);
                return frame;
            }
            Frame frame = Frame.about(level, text, line);
            if (scope == null) {
                warnings.add(new ParseWarning(line, "section '" + text + "' is outside the roadmap sections: skipped"));
            }
            return frame;
        }

        /** The nearest enclosing section that decides how this one is read (title frames are transparent). */
        private Frame nearestScope() {
            for (Frame frame : stack) {
                if (frame.role != SectionRole.TITLE) {
                    return frame;
                }
            }
            return null;
        }

        private Frame nearestItemFrame() {
            Frame scope = nearestScope();
            return scope != null && (scope.role == SectionRole.ITEM || scope.role == SectionRole.GROUP) ? scope : null;
        }

        private Frame nearestContainer() {
            for (Frame frame : stack) {
                if (frame.role == SectionRole.CONTAINER) {
                    return frame;
                }
            }
            return null;
        }

        private List<String> pathTo(Frame frame) {
            List<String> path = new ArrayList<>();
            for (Frame open : stack) {
                if (open.role != SectionRole.TITLE) {
                    path.add(0, open.cleanTitle());
                }
            }
            path.add(frame.cleanTitle());
            return List.copyOf(path);
        }

        private void readFrontMatter(YamlFrontMatterBlock block) {
            for (Node node = block.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof YamlFrontMatterNode entry) {
                    frontMatter.put(entry.getKey(), List.copyOf(entry.getValues()));
                }
            }
        }

        private static String frontMatterText(Node block) {
            StringBuilder text = new StringBuilder();
            for (Node node = block.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof YamlFrontMatterNode entry) {
                    text.append(' ').append(String.join(" ", entry.getValues()));
                }
            }
            return text.toString();
        }

        private static List<String> dedupe(List<String> values) {
            return values.stream().distinct().toList();
        }
    }
}
