package dev.crossroads.roadmap;

import dev.crossroads.roadmap.RoadmapSection.SectionRole;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.commonmark.node.Heading;
import org.commonmark.node.Node;

/** A heading while the page is walked: how it was read and the blocks that follow it up to the next heading. */
final class Frame {

    private static final Pattern TRAILING_COLON = Pattern.compile("[\\s:]+$");

    final int level;
    final String title;
    final int line;
    final Heading heading;
    final Frame parent;
    final Frame container;
    final ItemKind containerKind;
    final List<Frame> children = new ArrayList<>();
    final List<Node> blocks = new ArrayList<>();
    SectionRole role;
    /** The container an item heading was adopted by when it sits beside that container rather than below. */
    Frame adoptedBy;
    List<String> path = List.of();

    private Frame(int level, String title, int line, SectionRole role, Heading heading, Frame parent,
            Frame container, ItemKind containerKind) {
        this.level = level;
        this.title = title;
        this.line = line;
        this.role = role;
        this.heading = heading;
        this.parent = parent;
        this.container = container;
        this.containerKind = containerKind;
    }

    static Frame title(int level, String title, int line) {
        return new Frame(level, title, line, SectionRole.TITLE, null, null, null, null);
    }

    static Frame about(int level, String title, int line) {
        return new Frame(level, title, line, SectionRole.ABOUT, null, null, null, null);
    }

    static Frame container(int level, String title, int line, ItemKind kind) {
        return new Frame(level, title, line, SectionRole.CONTAINER, null, null, null, kind);
    }

    static Frame item(int level, String title, int line, Heading heading, Frame parent, Frame container) {
        return new Frame(level, title, line, SectionRole.ITEM, heading, parent, container, null);
    }

    private String cleanTitle;

    /** The heading text without priority suffix or trailing colon. */
    String cleanTitle() {
        if (cleanTitle == null) {
            String stripped = Priority.stripSuffix(title);
            cleanTitle = stripped.endsWith(":") || stripped.endsWith(" ")
                    ? TRAILING_COLON.matcher(stripped).replaceAll("").strip() : stripped.strip();
        }
        return cleanTitle;
    }
}
