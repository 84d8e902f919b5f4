package dev.crossroads.roadmap;

import dev.crossroads.roadmap.RoadmapSection.SectionRole;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

/** Turns the frames found by the walk into items: heading items first, then list entries of bare containers. */
final class ItemAssembler {

    private static final int MAX_TITLE = 120;
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\s:.–-]+|[\\s:.–-]+$");
    private static final Pattern LEADING_PUNCTUATION = Pattern.compile("^[\\s:.–-]+");

    private final List<ParseWarning> warnings;
    private final Set<String> ids = new HashSet<>();
    private final Map<String, Integer> idCounts = new HashMap<>();
    private final Map<String, String> slugs = new HashMap<>();

    ItemAssembler(List<ParseWarning> warnings) {
        this.warnings = warnings;
    }

    List<RoadmapItem> assemble(List<Frame> itemFrames, List<Frame> containers) {
        List<RoadmapItem> items = new ArrayList<>();
        Set<Frame> containersWithHeadings = new HashSet<>();
        for (Frame frame : itemFrames) {
            if (frame.container != null) {
                containersWithHeadings.add(frame.container);
            }
            if (frame.role == SectionRole.ITEM) {
                items.add(fromHeading(frame));
            } else if (frame.role == SectionRole.GROUP && hasChecklist(frame.blocks)) {
                warnings.add(new ParseWarning(frame.line, "checklist under group heading '" + frame.title
                        + "' is not attributed to any of its sub-items"));
            }
        }
        for (Frame container : containers) {
            if (!containersWithHeadings.contains(container)) {
                items.addAll(fromLists(container));
            }
        }
        items.sort((a, b) -> Integer.compare(a.line(), b.line()));
        return items;
    }

    private RoadmapItem fromHeading(Frame frame) {
        List<String> sectionPath = sectionPath(frame);
        ItemBody body = new ItemBody(warnings);
        body.addLinks(frame.heading);
        body.read(frame.blocks);
        boolean struck = Markdown.struckThrough(frame.heading);
        ItemKind kind = frame.container == null ? ItemKind.OTHER : frame.container.containerKind;
        return build(frame.cleanTitle(), sectionPath, kind, priority(frame), struck, body, frame.line);
    }

    /** Container, then group headings, outermost first. */
    private static List<String> sectionPath(Frame frame) {
        List<String> path = new ArrayList<>();
        for (Frame group = frame.parent; group != null; group = group.parent) {
            path.add(0, group.cleanTitle());
        }
        if (frame.container != null) {
            path.add(0, frame.container.cleanTitle());
        }
        return path;
    }

    private static Priority priority(Frame frame) {
        for (Frame f = frame; f != null; f = f.parent) {
            Optional<Priority> own = Priority.fromSuffix(f.title);
            if (own.isPresent()) {
                return own.get();
            }
        }
        return frame.container == null ? null : Priority.fromSuffix(frame.container.title).orElse(null);
    }

    /** A container with no item headings: each entry of its lists is an item (LocalStack's streams of work). */
    private List<RoadmapItem> fromLists(Frame container) {
        List<RoadmapItem> items = new ArrayList<>();
        Priority priority = Priority.fromSuffix(container.title).orElse(null);
        for (Node block : container.blocks) {
            if (!(block instanceof ListBlock list)) {
                continue;
            }
            for (Node node = list.getFirstChild(); node != null; node = node.getNext()) {
                if (node instanceof ListItem entry) {
                    listEntry(container, entry, priority).ifPresent(items::add);
                }
            }
        }
        if (items.isEmpty()) {
            warnings.add(new ParseWarning(container.line, "section '" + container.title + "' has no items"));
        }
        return items;
    }

    private Optional<RoadmapItem> listEntry(Frame container, ListItem entry, Priority priority) {
        ItemBody body = new ItemBody(warnings);
        Node first = entry.getFirstChild();
        boolean task = first instanceof TaskListItemMarker;
        Paragraph lead = firstParagraph(entry);
        if (lead == null) {
            return Optional.empty();
        }
        String title;
        String rest;
        if (lead.getFirstChild() instanceof StrongEmphasis strong) {
            title = Markdown.plainText(strong);
            rest = Markdown.plainText(lead).substring(Math.min(title.length(), Markdown.plainText(lead).length()));
        } else {
            String text = Markdown.plainTextWithBreaks(lead);
            title = text.lines().findFirst().orElse("");
            rest = text.substring(title.length());
        }
        title = shorten(EDGE_PUNCTUATION.matcher(title).replaceAll(""));
        if (title.isEmpty()) {
            return Optional.empty();
        }
        body.addLinks(lead);
        String restText = LEADING_PUNCTUATION.matcher(rest).replaceAll("").replace('\n', ' ').strip();
        if (!restText.isEmpty()) {
            body.description.add(restText);
        }
        for (Node child = lead.getNext(); child != null; child = child.getNext()) {
            body.read(child);
        }
        if (task) {
            // a bare task list under a container: the entry is the item and its box is its checklist
            TaskListItemMarker marker = (TaskListItemMarker) first;
            body.checklist.add(0, new ChecklistEntry(title, marker.isChecked(), 0, Markdown.struckThrough(entry),
                    List.copyOf(body.links.values())));
        }
        return Optional.of(build(title, List.of(container.cleanTitle()), container.containerKind, priority,
                Markdown.struckThrough(entry), body, Markdown.line(entry)));
    }

    private RoadmapItem build(String title, List<String> sectionPath, ItemKind kind, Priority priority,
            boolean struck, ItemBody body, int line) {
        List<String> idPath = new ArrayList<>(sectionPath);
        idPath.add(title);
        Progress progress = Progress.of(body.checklist);
        StatusDecision status = StatusDecision.decide(kind, struck || title.toLowerCase(java.util.Locale.ROOT).contains("won't do"),
                body.declaredStatus, progress);
        return new RoadmapItem(uniqueId(slugPath(idPath)), title, sectionPath, kind, priority, status.status(),
                status.evidence(), body.checklist, progress, String.join("\n\n", body.description),
                List.copyOf(body.links.values()), body.notes, line);
    }

    private String slugPath(List<String> segments) {
        StringBuilder path = new StringBuilder();
        for (String segment : segments) {
            if (!path.isEmpty()) {
                path.append('/');
            }
            path.append(slugs.computeIfAbsent(segment, Slugs::slug));
        }
        return path.toString();
    }

    private String uniqueId(String base) {
        String id = base;
        while (!ids.add(id)) {
            int n = idCounts.merge(base, 1, Integer::sum) + 1;
            id = base + "-" + n;
        }
        return id;
    }

    private static Paragraph firstParagraph(ListItem entry) {
        for (Node child = entry.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof Paragraph paragraph) {
                return paragraph;
            }
        }
        return null;
    }

    private static boolean hasChecklist(List<Node> blocks) {
        for (Node block : blocks) {
            if (block instanceof ListBlock list && list.getFirstChild() != null
                    && list.getFirstChild().getFirstChild() instanceof TaskListItemMarker) {
                return true;
            }
        }
        return false;
    }

    private static String shorten(String title) {
        if (title.length() <= MAX_TITLE) {
            return title;
        }
        int cut = title.lastIndexOf(' ', MAX_TITLE);
        return title.substring(0, cut > 40 ? cut : MAX_TITLE) + "…";
    }
}
