package dev.crossroads.api.graphql;

import dev.crossroads.parity.Disagreement;
import dev.crossroads.parity.Evidence;
import dev.crossroads.parity.Feature;
import dev.crossroads.parity.FeatureLink;
import dev.crossroads.parity.LanguageCoverage;
import dev.crossroads.parity.MatrixRow;
import dev.crossroads.parity.Parity;
import dev.crossroads.parity.ParityCell;
import dev.crossroads.parity.ParityMatrix;
import dev.crossroads.parity.Suggestion;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.Priority;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StoredItem;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.graphql.Description;
import org.eclipse.microprofile.graphql.Id;
import org.eclipse.microprofile.graphql.NonNull;
import org.eclipse.microprofile.graphql.Type;

/** GraphQL shapes of the parity matrix, features and alignment; mapped from the engine's records, never entities. */
public final class ParityViews {

    private ParityViews() {
    }

    /** Maps engine records to views; the languages map gives each cell its language object. */
    record Mapper(Map<String, LanguageView> languages) {

        ParityMatrixView matrix(ParityMatrix matrix, String query) {
            return new ParityMatrixView(matrix.dataVersion(), matrix.generatedAt(), query,
                    matrix.languages().stream().map(this::coverage).toList(),
                    matrix.rows().stream().map(this::row).toList());
        }

        MatrixRowView row(MatrixRow row) {
            return new MatrixRowView(feature(row, null), row.parity(), row.universalSince(),
                    language(row.universalCompletedBy()), row.cells().stream().map(this::cell).toList());
        }

        FeatureView feature(MatrixRow row, List<LinkedItemView> items) {
            Feature f = row.feature();
            return new FeatureView(f.id(), f.name(), f.group(), f.description(),
                    f.aliases().stream().map(a -> new AliasView(languages.get(a.language()), a.name())).toList(),
                    row.parity(), row.universalSince(), language(row.universalCompletedBy()),
                    row.cells().stream().map(this::cell).toList(), timeline(row), items);
        }

        ParityCellView cell(ParityCell cell) {
            return new ParityCellView(languages.get(cell.language()), cell.status(), cell.since(),
                    cell.availableSince(), cell.versionAdded(), cell.generallyAvailableSince(),
                    cell.generallyAvailableIn(), cell.priority(),
                    cell.evidence().stream().map(ParityViews::evidence).toList(),
                    cell.disagreements().stream().map(ParityViews::disagreement).toList());
        }

        /** Every status change of every language, oldest first (ties in the family's language order). */
        List<StatusChangeView> timeline(MatrixRow row) {
            List<StatusChangeView> changes = new java.util.ArrayList<>();
            for (ParityCell cell : row.cells()) {
                FeatureStatus before = FeatureStatus.ABSENT;
                for (dev.crossroads.parity.StatusTimelines.Point point : cell.timeline()) {
                    FeatureStatus now = point.status() == null ? FeatureStatus.ABSENT : point.status();
                    changes.add(new StatusChangeView(languages.get(cell.language()), point.at(), before, now,
                            point.commitId(), point.release()));
                    before = now;
                }
            }
            changes.sort(java.util.Comparator.comparing(StatusChangeView::at));
            return changes;
        }

        LanguageView language(String id) {
            return id == null ? null : languages.get(id);
        }

        LanguageCoverageView coverage(LanguageCoverage coverage) {
            return new LanguageCoverageView(languages.get(coverage.language()), coverage.shipped(), coverage.total(),
                    coverage.coverage());
        }
    }

    static EvidenceView evidence(Evidence e) {
        return new EvidenceView(e.source(), e.url(), e.text(), e.observedAt());
    }

    static DisagreementView disagreement(Disagreement d) {
        return new DisagreementView(DisagreementKind.valueOf(d.kind().name()), d.message());
    }

    /** The schema's name for {@link Disagreement.Kind} (plain "Kind" is the change events'). */
    @org.eclipse.microprofile.graphql.Enum("DisagreementKind")
    @Description("What two sources of one language disagree about.")
    public enum DisagreementKind {
        DOCS_AHEAD_OF_ROADMAP, DOCS_AHEAD_OF_BOARD, LAUNCHED_WITHOUT_DOCS, NAV_TABLE_NAMES_DIFFER
    }

    static LinkedItemView linked(StoredItem item, FeatureLink link) {
        return new LinkedItemView(item.language(), item.source(), item.facts().key(), item.facts().title(),
                item.facts().status(), item.facts().statusRaw(), item.facts().evidenceUrl(),
                link == null ? null : link.reason().name(), link == null ? null : link.confidence(),
                link != null && link.supporting());
    }

    static SuggestionView suggestion(Suggestion s) {
        return new SuggestionView(s.id(), s.item().language(), s.item().source(), s.item().key(), s.itemTitle(),
                s.featureId(), s.featureName(), s.confidence(), s.reason());
    }

    @Type("ParityMatrix")
    @Description("Every feature × every language, computed once per data version.")
    public record ParityMatrixView(
            @NonNull @Description("Moves whenever a sync stores something or curation changes.") long dataVersion,
            @NonNull @Description("When the data this matrix shows last changed (its data version's time): the"
                    + " same on every replica.") Instant generatedAt,
            @Description("The search query that filtered the rows, if any.") String query,
            @NonNull @Description("Each language's coverage, in the family's order.")
            List<@NonNull LanguageCoverageView> languages,
            @NonNull @Description("Features, grouped, in display order.") List<@NonNull MatrixRowView> rows) {
    }

    @Type("LanguageCoverage")
    @Description("How much of the family's feature set a language ships.")
    public record LanguageCoverageView(
            @NonNull LanguageView language,
            @NonNull @Description("Features it ships (available, preview or deprecated).") int shipped,
            @NonNull @Description("Features shipped in at least one language.") int total,
            @NonNull @Description("shipped / total, 0 to 1.") double coverage) {
    }

    @Type("MatrixRow")
    @Description("One feature across the languages.")
    public record MatrixRowView(
            @NonNull FeatureView feature,
            @NonNull Parity parity,
            @Description("Since when every language has shipped it without a break, for features available "
                    + "everywhere.")
            Instant universalSince,
            @Description("The language whose shipping made it available everywhere (at `universalSince`).")
            LanguageView universalCompletedBy,
            @NonNull @Description("One cell per language, in the family's order.") List<@NonNull ParityCellView> cells) {
    }

    @Type("Feature")
    @Description("A canonical feature, however each language names it.")
    public record FeatureView(
            @Id @NonNull @Description("Stable slug, e.g. `logger`.") String id,
            @NonNull String name,
            @Description("e.g. Core observability, Event handler, Data, Integrations.") String group,
            String description,
            @NonNull @Description("The names each language uses.") List<@NonNull AliasView> aliases,
            @NonNull Parity parity,
            @Description("Since when every language has shipped it without a break, for features available "
                    + "everywhere.")
            Instant universalSince,
            @Description("The language whose shipping made it available everywhere (at `universalSince`).")
            LanguageView universalCompletedBy,
            @NonNull @Description("One cell per language, in the family's order.") List<@NonNull ParityCellView> cells,
            @NonNull @Description("Every change of its status in every language, oldest first, with the commit and "
                    + "release where history knows them.") List<@NonNull StatusChangeView> timeline,
            @Description("The items alignment linked to it and why (only on `feature(id:)`).")
            List<@NonNull LinkedItemView> items) {
    }

    @Type("FeatureAlias")
    @Description("One language's name for a feature.")
    public record AliasView(@NonNull LanguageView language, @NonNull String name) {
    }

    @Type("ParityCell")
    @Description("A feature in one language.")
    public record ParityCellView(
            @NonNull LanguageView language,
            @NonNull FeatureStatus status,
            @Description("When it entered this status, from stored history.") Instant since,
            @Description("When it first shipped in this language.") Instant availableSince,
            @Description("The first release (tag) that contains the commit where it first shipped, when the "
                    + "repository's history was read (`backfillHistory`).") String versionAdded,
            @Description("When it went from preview to generally available, if the docs history shows it.")
            Instant generallyAvailableSince,
            @Description("The first release containing the commit where it became generally available.")
            String generallyAvailableIn,
            @Description("The roadmap priority of its item, if any.") Priority priority,
            @NonNull @Description("What the status rests on, docs first.") List<@NonNull EvidenceView> evidence,
            @NonNull @Description("Where this language's sources contradict each other.")
            List<@NonNull DisagreementView> disagreements) {
    }

    @Type("StatusChange")
    @Description("A feature's status changed in one language.")
    public record StatusChangeView(
            @NonNull LanguageView language,
            @NonNull @Description("When: the commit's date for history read from the repository, else when a sync "
                    + "saw it.") Instant at,
            @NonNull @Description("ABSENT before the first change.") FeatureStatus from,
            @NonNull FeatureStatus to,
            @Description("The commit the change was read at (backfilled history only).") String commit,
            @Description("The first release containing that commit.") String release) {
    }

    @Type("Evidence")
    @Description("One item of one source that a cell rests on.")
    public record EvidenceView(
            @NonNull SourceKind source,
            @Description("The docs page, roadmap line or board item on GitHub.") String url,
            @NonNull @Description("The item as read: title and status in the source's words.") String text,
            @Description("When Crossroads last saw it so.") Instant observedAt) {
    }

    @Type("Disagreement")
    @Description("Two sources of one language say different things about a feature.")
    public record DisagreementView(@NonNull DisagreementKind kind, @NonNull String message) {
    }

    @Type("LinkedItem")
    @Description("An item of a source and how alignment tied it to a feature.")
    public record LinkedItemView(
            @NonNull String language,
            @NonNull SourceKind source,
            @NonNull @Description("The item's key within its source.") String key,
            @NonNull String title,
            FeatureStatus status,
            @Description("The status in the source's own words.") String statusRaw,
            String url,
            @Description("CURATED, CATALOG, SAME_NAME, SIMILAR_NAME, SUB_PAGE, TITLE_NAMES_FEATURE, …") String reason,
            @Description("0 to 1.") Double confidence,
            @NonNull @Description("Part of the feature (a sub-page, a mention), not the feature itself.")
            boolean supporting) {
    }

    @Type("AlignmentSuggestion")
    @Description("A match alignment was not sure of: applied only when a maintainer accepts it.")
    public record SuggestionView(
            @Id @NonNull String id,
            @NonNull String language,
            @NonNull SourceKind source,
            @NonNull String itemKey,
            @NonNull String itemTitle,
            @NonNull @Description("The feature it may belong to.") String featureId,
            @NonNull String featureName,
            @NonNull double confidence,
            @NonNull String reason) {
    }

    @Type("FeatureEdge")
    public record FeatureEdge(@NonNull String cursor, @NonNull FeatureView node) {
    }

    @Type("FeatureConnection")
    @Description("A page of features.")
    public record FeatureConnection(@NonNull List<@NonNull FeatureEdge> edges,
            @NonNull SyncViews.PageInfo pageInfo, @NonNull int totalCount) {
    }
}
