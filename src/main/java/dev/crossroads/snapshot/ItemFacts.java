package dev.crossroads.snapshot;

import dev.crossroads.roadmap.DocsFeature;
import dev.crossroads.roadmap.DocsFeatureList;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.RoadmapItem;
import dev.crossroads.roadmap.StatusNormalizer;
import dev.crossroads.source.github.BoardItem;
import java.util.List;

/**
 * An item in the one shape all sources share, as stored in {@code snapshot_item} and {@code tracked_item} (their
 * columns are listed once, in {@link ItemColumn}).
 *
 * @param key         stable within its language and source: the roadmap item id, {@code docs/<page>}, {@code board/<url>}
 * @param status      the source's word normalised into the one vocabulary of the parity matrix
 * @param statusRaw   the status as the source says it: the roadmap's reading, the docs markers, the board column
 * @param section     where the item sits: roadmap sections or docs nav groups, outermost first, joined by " > "
 * @param url         what the item points at: its first link, its docs page path, its board issue
 * @param evidenceUrl the GitHub page a reader can check it on: the roadmap line, the docs file, the board item
 * @param tableName   for a documented feature, the name the home page's features table gives it, when different
 */
public record ItemFacts(String key, String title, String kind, FeatureStatus status, String statusRaw,
        String priority, Integer progressDone, Integer progressTotal, String section, String url, String evidenceUrl,
        List<ItemLink> links, String tableName) {

    public static final String SECTION_SEPARATOR = " > ";

    public ItemFacts {
        links = links == null ? List.of() : List.copyOf(links);
    }

    public static ItemFacts of(RoadmapItem item, String roadmapPath, SourceLinks where) {
        String raw = item.statusEvidence() != null ? item.statusEvidence()
                : item.status() == null ? null : item.status().name();
        List<ItemLink> links = item.links().stream()
                .map(l -> new ItemLink(l.text(), l.url(), l.kind().name())).toList();
        return new ItemFacts(item.id(), item.title(), item.kind().name(),
                StatusNormalizer.roadmap(item.status(), item.statusEvidence()), raw,
                item.priority() == null ? null : item.priority().name(),
                item.progress().done(), item.progress().total(), String.join(SECTION_SEPARATOR, item.sectionPath()),
                links.isEmpty() ? null : links.get(0).url(), where.line(roadmapPath, item.line()), links, null);
    }

    /** A board card, keyed by what it points at (stable when a card is re-created for the same issue). */
    public static ItemFacts of(BoardItem card) {
        String target = card.url() != null ? card.url() : card.id();
        String title = card.title() != null ? card.title() : "(not visible to the token)";
        FeatureStatus status = StatusNormalizer.board(card.status());
        return new ItemFacts("board/" + target, title, card.type(), status == null ? FeatureStatus.IDEA : status,
                card.status(), null, null, null, card.repository(), card.url(), card.url(), List.of(), null);
    }

    /** Every feature a docs list names, with the features table's name where it differs from the nav's. */
    public static List<ItemFacts> of(DocsFeatureList list, String docsRoot, SourceLinks where) {
        java.util.Map<String, String> tableNames = new java.util.HashMap<>();
        list.disagreements().forEach(d -> tableNames.put(d.pagePath(), d.tableName()));
        return list.features().stream()
                .map(feature -> of(feature, docsRoot, tableNames.get(feature.pagePath()), where)).toList();
    }

    /** A documented feature; {@code tableName} is what the home page's table calls it, if that differs. */
    public static ItemFacts of(DocsFeature feature, String docsRoot, String tableName, SourceLinks where) {
        String target = feature.pagePath() != null ? feature.pagePath() : feature.url();
        String raw = feature.markers().isEmpty() ? "documented"
                : String.join(", ", feature.markers().stream().map(Enum::name).toList());
        String evidence = feature.pagePath() != null ? where.file(docsRoot + "/" + feature.pagePath()) : feature.url();
        return new ItemFacts("docs/" + target, feature.name(), "FEATURE", StatusNormalizer.docs(feature.markers()),
                raw, null, null, null, String.join(SECTION_SEPARATOR, feature.navPath()), target, evidence, List.of(),
                tableName);
    }
}
