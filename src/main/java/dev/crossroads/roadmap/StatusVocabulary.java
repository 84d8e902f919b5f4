package dev.crossroads.roadmap;

import java.util.List;
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

    /**
     * What a declared board status means for an item; empty when the word is not a status we know. The words are
     * the board's ({@link StatusNormalizer#board}), read in the roadmap's coarser vocabulary.
     */
    static Optional<ItemStatus> meaning(String declared) {
        FeatureStatus status = StatusNormalizer.board(declared);
        if (status == null) {
            return Optional.empty();
        }
        return Optional.of(switch (status) {
            case AVAILABLE, PREVIEW, DEPRECATED -> ItemStatus.SHIPPED;
            case COMING_SOON -> ItemStatus.DONE;
            case IN_PROGRESS -> ItemStatus.IN_PROGRESS;
            case ON_HOLD -> ItemStatus.ON_HOLD;
            case NOT_PLANNED -> ItemStatus.DROPPED;
            case PLANNED, IDEA, ABSENT -> ItemStatus.PLANNED;
        });
    }
}
