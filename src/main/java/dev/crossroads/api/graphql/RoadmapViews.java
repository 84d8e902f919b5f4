package dev.crossroads.api.graphql;

import dev.crossroads.roadmap.ChecklistEntry;
import dev.crossroads.roadmap.ItemKind;
import dev.crossroads.roadmap.ItemStatus;
import dev.crossroads.roadmap.LinkKind;
import dev.crossroads.roadmap.ParseWarning;
import dev.crossroads.roadmap.Priority;
import dev.crossroads.roadmap.RoadmapDocument;
import dev.crossroads.roadmap.RoadmapItem;
import dev.crossroads.roadmap.RoadmapLink;
import dev.crossroads.roadmap.RoadmapNote;
import dev.crossroads.roadmap.RoadmapSection;
import java.util.List;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL shapes of a parsed roadmap page; the same facts as the REST preview, with descriptions. */
public final class RoadmapViews {

    private RoadmapViews() {
    }

    static RoadmapDocumentView of(RoadmapDocument doc) {
        return new RoadmapDocumentView(doc.title(),
                doc.frontMatter().entrySet().stream().map(e -> new FrontMatterEntry(e.getKey(), e.getValue())).toList(),
                doc.statusVocabulary(),
                doc.sections().stream().map(s -> new SectionView(s.path(), s.level(), s.role(), s.line())).toList(),
                doc.items().stream().map(RoadmapViews::of).toList(),
                doc.warnings().stream().map(RoadmapViews::of).toList());
    }

    private static ItemView of(RoadmapItem item) {
        return new ItemView(item.id(), item.title(), item.sectionPath(), item.kind(), item.priority(), item.status(),
                item.statusEvidence(), item.checklist().stream().map(RoadmapViews::of).toList(),
                item.progress().done(), item.progress().total(), item.description(),
                item.links().stream().map(RoadmapViews::of).toList(),
                item.notes().stream().map(RoadmapViews::of).toList(), item.line());
    }

    static ChecklistEntryView of(ChecklistEntry entry) {
        return new ChecklistEntryView(entry.text(), entry.done(), entry.depth(), entry.wontDo(),
                entry.links().stream().map(RoadmapViews::of).toList());
    }

    static LinkView of(RoadmapLink link) {
        return new LinkView(link.text(), link.url(), link.kind(), link.owner(), link.repo(), link.number());
    }

    static NoteView of(RoadmapNote note) {
        return new NoteView(note.kind(), note.title(), note.body());
    }

    static WarningView of(ParseWarning warning) {
        return new WarningView(warning.line(), warning.message());
    }

    @Type("RoadmapDocument")
    @Description("Everything Crossroads reads from one roadmap page.")
    public record RoadmapDocumentView(
            @Description("Front matter title, else the page's H1.") String title,
            @NonNull @Description("YAML front matter, key by key.") List<@NonNull FrontMatterEntry> frontMatter,
            @NonNull @Description("Board statuses the page defines, in its order.") List<@NonNull String> statusVocabulary,
            @NonNull @Description("Every heading and how it was read.") List<@NonNull SectionView> sections,
            @NonNull @Description("The roadmap items, in page order.") List<@NonNull ItemView> items,
            @NonNull @Description("What was skipped and why.") List<@NonNull WarningView> warnings) {
    }

    @Type("FrontMatterEntry")
    @Description("One key of a page's YAML front matter.")
    public record FrontMatterEntry(@NonNull String key, @NonNull List<@NonNull String> values) {
    }

    @Type("RoadmapSection")
    @Description("A heading of the page: its path from the outermost section, and its role.")
    public record SectionView(@NonNull List<@NonNull String> path, int level, @NonNull RoadmapSection.SectionRole role,
            @Description("1-based source line.") int line) {
    }

    @Type("RoadmapItem")
    @Description("One thing the roadmap says will be, is being or was done.")
    public record ItemView(
            @Id @NonNull @Description("Stable slug of section path and title, e.g. `key-areas/event-handler-rest`.")
            String id,
            @NonNull @Description("Clean title: no link syntax, attribute lists or priority suffix.") String title,
            @NonNull @Description("Headings above the item, outermost first.") List<@NonNull String> sectionPath,
            @NonNull ItemKind kind,
            @Description("The item's priority, or its group's; null when none is given.") Priority priority,
            @Description("Declared or derived status; null when the page gives none (streams of work).")
            ItemStatus status,
            @NonNull @Description("What the status was derived from.") String statusEvidence,
            @NonNull List<@NonNull ChecklistEntryView> checklist,
            @Description("Ticked checklist entries (won't-do entries left out).") int progressDone,
            @Description("Checklist entries that count.") int progressTotal,
            @NonNull @Description("Prose of the item as plain text.") String description,
            @NonNull List<@NonNull LinkView> links,
            @NonNull @Description("Admonitions and quoted reasons.") List<@NonNull NoteView> notes,
            @Description("1-based source line.") int line) {
    }

    @Type("ChecklistEntry")
    @Description("A task-list entry of an item.")
    public record ChecklistEntryView(@NonNull String text, boolean done,
            @Description("0 for top-level entries, 1 for sub-tasks, …") int depth,
            @Description("Struck through or marked won't do; not counted in progress.") boolean wontDo,
            @NonNull List<@NonNull LinkView> links) {
    }

    @Type("RoadmapLink")
    @Description("A link on the page, classified; GitHub links carry owner, repository and number.")
    public record LinkView(@NonNull String text, @NonNull String url, @NonNull LinkKind kind, String owner, String repo,
            Integer number) {
    }

    @Type("RoadmapNote")
    @Description("An admonition (`!!! info \"title\"`) or a quoted reason attached to an item.")
    public record NoteView(@NonNull String kind, @NonNull String title, @NonNull String body) {
    }

    @Type("ParseWarning")
    @Description("Something the parser skipped, and why.")
    public record WarningView(int line, @NonNull String message) {
    }
}
