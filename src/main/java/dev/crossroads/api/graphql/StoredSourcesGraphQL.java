package dev.crossroads.api.graphql;

import dev.crossroads.api.graphql.RoadmapViews.ChecklistEntryView;
import dev.crossroads.api.graphql.RoadmapViews.LinkView;
import dev.crossroads.api.graphql.RoadmapViews.NoteView;
import dev.crossroads.api.graphql.RoadmapViews.SectionView;
import dev.crossroads.api.graphql.RoadmapViews.WarningView;
import dev.crossroads.parity.FeatureLink;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityState;
import dev.crossroads.parity.StoredSourcesService;
import dev.crossroads.parity.StoredSourcesService.Entry;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.ItemKind;
import dev.crossroads.roadmap.Priority;
import dev.crossroads.roadmap.RoadmapItem;
import dev.crossroads.snapshot.ChangeEvent;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.ItemHistoryRepository;
import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StoredItem;
import dev.crossroads.source.SourceService;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import org.eclipse.microprofile.graphql.DefaultValue;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.GraphQLApi;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.Name;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Query;
import org.eclipse.microprofile.graphql.Source;
import org.eclipse.microprofile.graphql.Type;

/**
 * What was synced, read back per language: the roadmap as Crossroads read it, the docs feature list, the board; each
 * item with its history (batched: one query for all items of a response).
 */
@GraphQLApi
public class StoredSourcesGraphQL {

    private static final String CURSOR_KIND = "board";

    private final StoredSourcesService stored;
    private final ParityService parity;
    private final ItemHistoryRepository history;
    private final SourceService family;
    private final PageSize pages;

    public StoredSourcesGraphQL(StoredSourcesService stored, ParityService parity, ItemHistoryRepository history,
            SourceService family, PageSize pages) {
        this.stored = stored;
        this.pages = pages;
        this.parity = parity;
        this.history = history;
        this.family = family;
    }

    @Query("roadmap")
    @Description("A language's latest stored roadmap as Crossroads read it; null before its first sync.")
    public Uni<StoredRoadmapView> roadmap(@Name("language") @NonNull @Id String language)
            throws GraphQLErrors.BadArgument {
        requireLanguage(language);
        return stored.roadmap(language).map(roadmap -> roadmap == null ? null : of(roadmap));
    }

    @Query("docsFeatures")
    @Description("The features a language's docs list, in nav order, as last synced; null before its first sync.")
    public Uni<StoredDocsView> docsFeatures(@Name("language") @NonNull @Id String language)
            throws GraphQLErrors.BadArgument {
        requireLanguage(language);
        return stored.docs(language).map(docs -> docs == null ? null : new StoredDocsView(language, docs.fetchedAt(),
                docs.features().stream().map(entry -> docsEntry(entry, parity.state())).toList()));
    }

    @Query("boardItems")
    @Description("The cards of a language's Projects board as last synced, as a cursor connection.")
    public @NonNull BoardItemConnection boardItems(@Name("language") @NonNull @Id String language,
            @Name("status") @Description("Only cards in this column (as the board names it) or with this status "
                    + "(AVAILABLE, IN_PROGRESS, …).") String status,
            @Name("first") @DefaultValue("50") @Description(PageSize.DESCRIPTION) int first,
            @Name("after") @Description("The endCursor of the previous page.") String after)
            throws GraphQLErrors.BadArgument, GraphQLErrors.PageTooLarge {
        requireLanguage(language);
        int size = pages.of("first", first);
        ParityState state = parity.state();
        String wanted = status == null || status.isBlank() ? null : status.strip();
        List<StoredItem> cards = state.items().stream()
                .filter(i -> i.source() == SourceKind.BOARD && i.language().equals(language))
                .filter(i -> wanted == null || wanted.equalsIgnoreCase(i.facts().statusRaw())
                        || (i.facts().status() != null && wanted.equalsIgnoreCase(i.facts().status().name())))
                .sorted(Comparator.comparing((StoredItem i) -> i.facts().key())).toList();
        int start = (int) Math.min(Integer.MAX_VALUE, Cursors.decode(CURSOR_KIND, after, "boardItems"));
        List<BoardItemEdge> edges = new ArrayList<>();
        for (int i = start; i < Math.min(cards.size(), start + size); i++) {
            StoredItem card = cards.get(i);
            edges.add(new BoardItemEdge(Cursors.encode(CURSOR_KIND, i + 1),
                    boardItem(card, state.alignment().links().get(card.ref()), state)));
        }
        return new BoardItemConnection(edges, new SyncViews.PageInfo(start + size < cards.size(),
                edges.isEmpty() ? after : edges.get(edges.size() - 1).cursor()), cards.size());
    }

    @Description("How the item changed over time, oldest first, from the stored change events.")
    public Uni<List<List<HistoryEntryView>>> history(@Source List<RoadmapEntryView> entries) {
        return histories(entries.stream().map(e -> new ItemRef(e.language(), SourceKind.ROADMAP, e.id())).toList());
    }

    @Name("history")
    @Description("How the feature entry changed over time, oldest first, from the stored change events.")
    public Uni<List<List<HistoryEntryView>>> docsHistory(@Source List<DocsFeatureView> entries) {
        return histories(entries.stream().map(e -> new ItemRef(e.language(), SourceKind.DOCS, e.key())).toList());
    }

    @Name("history")
    @Description("How the card changed over time, oldest first, from the stored change events.")
    public Uni<List<List<HistoryEntryView>>> boardHistory(@Source List<BoardItemView> cards) {
        return histories(cards.stream().map(c -> new ItemRef(c.language(), SourceKind.BOARD, c.key())).toList());
    }

    @Name("history")
    @Description("How the item changed over time, oldest first, from the stored change events.")
    public Uni<List<List<HistoryEntryView>>> linkedHistory(@Source List<ParityViews.LinkedItemView> items) {
        return histories(items.stream().map(i -> new ItemRef(i.language(), i.source(), i.key())).toList());
    }

    @Name("feature")
    @Description("The feature the changed item is linked to now; null when it names none or is gone.")
    public List<FeatureRef> changedFeature(@Source List<SyncViews.ChangeView> changes) {
        ParityState state = parity.state();
        return changes.stream().map(c -> feature(state.alignment().links()
                .get(new ItemRef(c.language(), c.source(), c.itemKey())), state)).toList();
    }

    private Uni<List<List<HistoryEntryView>>> histories(List<ItemRef> refs) {
        return history.of(refs).map(lists -> lists.stream().map(list -> list.stream()
                .map(h -> new HistoryEntryView(h.occurredAt(), h.kind(), h.oldValue(), h.newValue())).toList())
                .toList());
    }

    private StoredRoadmapView of(StoredSourcesService.StoredRoadmap roadmap) {
        var doc = roadmap.document();
        ParityState state = parity.state();
        List<RoadmapEntryView> items = doc.items().stream()
                .map(item -> roadmapEntry(roadmap.language(), item, roadmap.entries().get(item.id()), state))
                .toList();
        return new StoredRoadmapView(roadmap.language(), roadmap.fetchedAt(), doc.title(), doc.statusVocabulary(),
                doc.sections().stream().map(s -> new SectionView(s.path(), s.level(), s.role(), s.line())).toList(),
                items, doc.warnings().stream().map(RoadmapViews::of).toList());
    }

    private static RoadmapEntryView roadmapEntry(String language, RoadmapItem item, Entry entry, ParityState state) {
        ItemFacts facts = entry == null ? null : entry.facts();
        StoredItem life = entry == null ? null : entry.item();
        return new RoadmapEntryView(language, item.id(), item.title(), item.sectionPath(), item.kind(),
                item.priority(), facts == null ? null : facts.status(),
                item.status() == null ? null : item.status().name(), item.statusEvidence(), item.progress().done(),
                item.progress().total(), item.checklist().stream().map(RoadmapViews::of).toList(),
                item.links().stream().map(RoadmapViews::of).toList(),
                item.notes().stream().map(RoadmapViews::of).toList(), item.description(), item.line(),
                facts == null ? null : facts.evidenceUrl(), life == null ? null : life.firstSeen(),
                life == null ? null : life.statusSince(), feature(entry == null ? null : entry.link(), state));
    }

    private static DocsFeatureView docsEntry(Entry entry, ParityState state) {
        ItemFacts f = entry.facts();
        List<String> navPath = f.section() == null || f.section().isEmpty() ? List.of()
                : Arrays.asList(f.section().split(" > "));
        List<String> markers = "documented".equals(f.statusRaw()) || f.statusRaw() == null ? List.of()
                : Arrays.asList(f.statusRaw().split(", "));
        StoredItem life = entry.item();
        return new DocsFeatureView(life == null ? null : life.language(), f.key(), f.title(),
                navPath.isEmpty() ? null : navPath.get(navPath.size() - 1), navPath,
                f.url() != null && !f.url().contains("://") ? f.url() : null, f.evidenceUrl(), markers, f.status(),
                f.tableName(), f.tableName() == null ? null : "the nav calls it '" + f.title()
                        + "' but the home page's features table calls it '" + f.tableName() + "'",
                life == null ? null : life.firstSeen(), feature(entry.link(), state));
    }

    private static BoardItemView boardItem(StoredItem card, FeatureLink link, ParityState state) {
        ItemFacts f = card.facts();
        return new BoardItemView(card.language(), f.key(), f.title(), f.kind(), f.statusRaw(), f.status(), f.url(),
                f.section(), card.firstSeen(), card.statusSince(), feature(link, state));
    }

    private static FeatureRef feature(FeatureLink link, ParityState state) {
        if (link == null) {
            return null;
        }
        MatrixRow row = state.rowsById().get(link.featureId());
        return new FeatureRef(link.featureId(), row == null ? null : row.feature().name());
    }

    private void requireLanguage(String language) throws GraphQLErrors.BadArgument {
        if (family.languages().stream().noneMatch(l -> l.id().equals(language))) {
            throw new GraphQLErrors.BadArgument("unknown language '" + language + "'");
        }
    }

    @Type("FeatureRef")
    @Description("The feature an item is linked to.")
    public record FeatureRef(@Id @NonNull String id, String name) {
    }

    @Type("ItemHistoryEntry")
    @Description("One change of an item: added, removed, or its status, priority, progress or title changed.")
    public record HistoryEntryView(@NonNull Instant occurredAt, @NonNull ChangeEvent.Kind kind, String oldValue,
            String newValue) {
    }

    @Type("StoredRoadmap")
    @Description("A language's roadmap page as Crossroads read it at its latest stored version.")
    public record StoredRoadmapView(
            @NonNull @Id String language,
            @NonNull @Description("When this version was fetched.") Instant fetchedAt,
            String title,
            @NonNull @Description("Board statuses the page defines, in its order.") List<@NonNull String> statusVocabulary,
            @NonNull List<@NonNull SectionView> sections,
            @NonNull List<@NonNull RoadmapEntryView> items,
            @NonNull @Description("What the parser skipped and why.") List<@NonNull WarningView> warnings) {
    }

    @Type("RoadmapEntry")
    @Description("A roadmap item as stored: what the page says, its normalised status, and when it was first seen.")
    public record RoadmapEntryView(
            @NonNull @Id String language,
            @NonNull @Id @Description("Stable within the language: section path and title as a slug.") String id,
            @NonNull String title,
            @NonNull List<@NonNull String> sectionPath,
            @NonNull ItemKind kind,
            Priority priority,
            @Description("In the matrix's vocabulary.") FeatureStatus status,
            @Description("As the parser read it: PLANNED, IN_PROGRESS, DONE, SHIPPED, DROPPED, ON_HOLD.") String statusRaw,
            @Description("Why, in words.") String statusEvidence,
            @NonNull int progressDone,
            @NonNull int progressTotal,
            @NonNull List<@NonNull ChecklistEntryView> checklist,
            @NonNull List<@NonNull LinkView> links,
            @NonNull List<@NonNull NoteView> notes,
            String description,
            @NonNull int line,
            @Description("The line on GitHub.") String url,
            Instant firstSeen,
            @Description("When it entered its current status.") Instant statusSince,
            FeatureRef feature) {
    }

    @Type("StoredDocs")
    @Description("A language's documented features as last synced.")
    public record StoredDocsView(@NonNull @Id String language, @NonNull Instant fetchedAt,
            @NonNull @Description("In nav order.") List<@NonNull DocsFeatureView> features) {
    }

    @Type("DocsFeatureEntry")
    @Description("One documented feature: its nav entry, page, maturity markers and features-table name.")
    public record DocsFeatureView(
            @Id String language,
            @NonNull @Description("docs/<page path> (or docs/<url> for an external link).") String key,
            @NonNull @Description("As the nav names it.") String name,
            @Description("The nearest nav group.") String group,
            @NonNull List<@NonNull String> navPath,
            @Description("Docs-relative page path.") String page,
            @Description("The page on GitHub.") String url,
            @NonNull @Description("BETA, DEVELOPER_PREVIEW, EXPERIMENTAL, DEPRECATED, MAINTENANCE.")
            List<@NonNull String> markers,
            FeatureStatus status,
            @Description("The home page's features table name, when it differs from the nav's.") String tableName,
            @Description("The nav and the features table disagree on its name.") String disagreement,
            Instant firstSeen,
            FeatureRef feature) {
    }

    @Type("BoardCard")
    @Description("A card of a language's Projects board as last synced.")
    public record BoardItemView(
            @NonNull @Id String language,
            @NonNull String key,
            @NonNull String title,
            @Description("ISSUE, PULL_REQUEST, DRAFT_ISSUE or REDACTED.") String type,
            @Description("The board column, as the board names it.") String column,
            @Description("In the matrix's vocabulary.") FeatureStatus status,
            String url,
            @Description("owner/name of the issue or pull request.") String repository,
            Instant firstSeen,
            Instant statusSince,
            FeatureRef feature) {
    }

    @Type("BoardCardEdge")
    public record BoardItemEdge(@NonNull String cursor, @NonNull BoardItemView node) {
    }

    @Type("BoardCardConnection")
    @Description("A page of board cards.")
    public record BoardItemConnection(@NonNull List<@NonNull BoardItemEdge> edges,
            @NonNull SyncViews.PageInfo pageInfo, @NonNull int totalCount) {
    }
}
