package dev.crossroads.roadmap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.task.list.items.TaskListItemMarker;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

/**
 * Reads the blocks between an item's heading and the next heading: checklist, prose, links, admonitions and
 * quoted reasons. Also used for the body of a list entry that is itself an item.
 */
final class ItemBody {

    /** Lists nested deeper than this are not read; real pages stop at three. */
    static final int MAX_LIST_DEPTH = 32;

    private static final Pattern ADMONITION = Pattern.compile("^(!!!|\\?\\?\\?\\+?)\\s*([\\w-]+)?\\s*(?:\"(.*)\")?\\s*$");
    private static final Pattern DECLARED_STATUS = Pattern.compile("^status\\s*:\\s*(.+)$", Pattern.CASE_INSENSITIVE);
    private static final Pattern WONT_DO = Pattern.compile("won'?t do|will not do", Pattern.CASE_INSENSITIVE);

    final List<ChecklistEntry> checklist = new ArrayList<>();
    final List<String> description = new ArrayList<>();
    final Map<String, RoadmapLink> links = new LinkedHashMap<>();
    final List<RoadmapNote> notes = new ArrayList<>();
    final List<ParseWarning> warnings;
    String declaredStatus;

    private RoadmapNote openAdmonition;

    ItemBody(List<ParseWarning> warnings) {
        this.warnings = warnings;
    }

    void read(List<Node> blocks) {
        for (Node block : blocks) {
            read(block);
        }
    }

    void read(Node block) {
        if (block instanceof IndentedCodeBlock code && openAdmonition != null) {
            appendAdmonitionBody(code.getLiteral());
            return;
        }
        openAdmonition = null;
        if (block instanceof Paragraph paragraph) {
            paragraph(paragraph);
        } else if (block instanceof ListBlock list) {
            list(list, 0);
        } else if (block instanceof BlockQuote quote) {
            quote(quote);
        } else if (block instanceof TableBlock table) {
            addLinks(table);
            warnings.add(new ParseWarning(Markdown.line(table), "table inside a roadmap item: only its links are kept"));
        } else if (block instanceof IndentedCodeBlock code) {
            warnings.add(new ParseWarning(Markdown.line(code), "indented block with no admonition above it skipped"));
        } else if (!(block instanceof FencedCodeBlock)) {
            addLinks(block); // HTML blocks, thematic breaks: nothing to read but possible links
        }
    }

    void addLinks(Node node) {
        collectLinks(node);
    }

    /** Adds the links below a node to the item's links and returns them, classified once each. */
    private List<RoadmapLink> collectLinks(Node node) {
        List<Link> raw = Markdown.links(node);
        if (raw.isEmpty()) {
            return List.of();
        }
        List<RoadmapLink> found = new ArrayList<>(raw.size());
        for (Link link : raw) {
            String url = link.getDestination() == null ? "" : link.getDestination().strip();
            String text = Markdown.plainText(link);
            if (url.isEmpty()) {
                warnings.add(new ParseWarning(lineOf(link), "empty link '" + text + "' ignored"));
                continue;
            }
            RoadmapLink classified = links.computeIfAbsent(url, u -> LinkClassifier.classify(text, u));
            found.add(classified.text().equals(text) ? classified : LinkClassifier.classify(text, url));
        }
        return found;
    }

    private void paragraph(Paragraph paragraph) {
        addLinks(paragraph);
        String text = Markdown.plainTextWithBreaks(paragraph);
        String firstLine = text.lines().findFirst().orElse("");
        Matcher admonition = ADMONITION.matcher(firstLine);
        if (admonition.matches()) {
            openAdmonition = new RoadmapNote(
                    admonition.group(2) == null ? "note" : admonition.group(2).toLowerCase(Locale.ROOT),
                    admonition.group(3) == null ? "" : admonition.group(3).strip(),
                    text.substring(firstLine.length()).strip());
            notes.add(openAdmonition);
            return;
        }
        if (isLabel(paragraph)) {
            return; // "**Major updates**" introduces the checklist; it is not prose
        }
        Matcher status = DECLARED_STATUS.matcher(firstLine);
        if (status.matches() && declaredStatus == null) {
            declaredStatus = status.group(1).strip();
        }
        if (!text.isBlank()) {
            description.add(text.replace('\n', ' '));
        }
    }

    private void appendAdmonitionBody(String markdownBody) {
        Node parsed = Markdown.parse(markdownBody);
        addLinks(parsed);
        String body = Markdown.plainTextWithBreaks(parsed);
        String joined = openAdmonition.body().isEmpty() ? body : openAdmonition.body() + "\n" + body;
        RoadmapNote updated = new RoadmapNote(openAdmonition.kind(), openAdmonition.title(), joined.strip());
        notes.set(notes.size() - 1, updated);
        openAdmonition = updated;
    }

    private void quote(BlockQuote quote) {
        addLinks(quote);
        String text = Markdown.plainText(quote);
        if (text.toLowerCase(Locale.ROOT).startsWith("reason")) {
            notes.add(new RoadmapNote("reason", "Reason", text.replaceFirst("(?i)^reason\\s*:?\\s*", "")));
        } else if (!text.isBlank() && Markdown.links(quote).isEmpty()) {
            notes.add(new RoadmapNote("quote", "", text));
        }
    }

    private void list(ListBlock list, int depth) {
        if (depth > MAX_LIST_DEPTH) {
            warnings.add(new ParseWarning(Markdown.line(list), "list nested deeper than " + MAX_LIST_DEPTH
                    + " levels skipped"));
            return;
        }
        for (Node child = list.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListItem item) {
                listItem(item, depth);
            }
        }
    }

    private void listItem(ListItem item, int depth) {
        List<RoadmapLink> entryLinks = collectLinks(item);
        String text = Markdown.plainText(item);
        if (item.getFirstChild() instanceof TaskListItemMarker marker) {
            boolean wontDo = Markdown.struckThrough(item) || mentionsWontDo(text);
            checklist.add(new ChecklistEntry(text, marker.isChecked(), depth, wontDo, entryLinks));
        } else if (!text.isBlank()) {
            description.add("- " + text);
        }
        for (Node child = item.getFirstChild(); child != null; child = child.getNext()) {
            if (child instanceof ListBlock nested) {
                list(nested, depth + 1);
            }
        }
    }

    /** "won't do" / "will not do"; checked by hand first because checklists can have 100,000 entries. */
    private static boolean mentionsWontDo(String text) {
        return text.indexOf(" do") >= 0 && WONT_DO.matcher(text).find();
    }

    private static boolean isLabel(Paragraph paragraph) {
        Node only = paragraph.getFirstChild();
        return only instanceof StrongEmphasis && only.getNext() == null;
    }

    private static int lineOf(Node node) {
        Node block = node;
        while (block != null && block.getSourceSpans().isEmpty()) {
            block = block.getParent();
        }
        return block == null ? 0 : Markdown.line(block);
    }
}
