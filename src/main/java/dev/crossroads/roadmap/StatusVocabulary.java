package dev.crossroads.roadmap;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.Paragraph;
import org.commonmark.node.StrongEmphasis;

/**
 * The board statuses a page defines ("* **Ideas**. Incoming …"), and what each means for an item. Only bold lead
 * words count: the mermaid diagram beside the list labels its nodes (`Merged["Coming soon"]`) with ids that are
 * not statuses.
 */
final class StatusVocabulary {

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[.:\\s]+$");
    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z' ]");

    private StatusVocabulary() {
    }

    static void collect(List<Node> blocks, List<String> out) {
        for (Node block : blocks) {
            if (block instanceof ListBlock list) {
                for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
                    if (item instanceof ListItem && item.getFirstChild() instanceof Paragraph paragraph) {
                        leadingBold(paragraph).ifPresent(out::add);
                    }
                }
            } else if (block instanceof Paragraph paragraph) {
                leadingBold(paragraph).ifPresent(out::add);
            }
        }
    }

    private static Optional<String> leadingBold(Paragraph paragraph) {
        if (paragraph.getFirstChild() instanceof StrongEmphasis strong) {
            String word = TRAILING_PUNCTUATION.matcher(Markdown.plainText(strong)).replaceAll("").strip();
            if (!word.isEmpty() && word.length() <= 40 && !word.endsWith("?")) {
                return Optional.of(word);
            }
        }
        return Optional.empty();
    }

    /** What a declared board status means for an item; empty when the word is not a status we know. */
    static Optional<ItemStatus> meaning(String declared) {
        String word = NOT_LETTERS.matcher(declared.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        if (word.startsWith("shipped") || word.startsWith("released") || word.startsWith("launched")
                || word.startsWith("available")) {
            return Optional.of(ItemStatus.SHIPPED);
        }
        if (word.startsWith("coming soon") || word.startsWith("merged") || word.startsWith("done")
                || word.startsWith("complete")) {
            return Optional.of(ItemStatus.DONE);
        }
        if (word.startsWith("working on it") || word.startsWith("in progress") || word.startsWith("pending review")
                || word.startsWith("in review")) {
            return Optional.of(ItemStatus.IN_PROGRESS);
        }
        if (word.startsWith("on hold") || word.startsWith("blocked") || word.startsWith("paused")) {
            return Optional.of(ItemStatus.ON_HOLD);
        }
        if (word.startsWith("dropped") || word.startsWith("won't do") || word.startsWith("wont do")
                || word.startsWith("cancel") || word.startsWith("rejected")) {
            return Optional.of(ItemStatus.DROPPED);
        }
        if (word.startsWith("ideas") || word.startsWith("idea") || word.startsWith("backlog")
                || word.startsWith("rfc") || word.startsWith("planned") || word.startsWith("triage")
                || word.startsWith("proposed")) {
            return Optional.of(ItemStatus.PLANNED);
        }
        return Optional.empty();
    }
}
