package dev.crossroads.parity;

import dev.crossroads.parity.Disagreement.Kind;
import dev.crossroads.roadmap.FeatureStatus;
import dev.crossroads.roadmap.Priority;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StoredItem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Computes the parity matrix from aligned items. Pure: the same alignment and items give the same matrix.
 *
 * <p>Precedence for a cell's status: <b>docs outrank everything</b> for "is it available" (a documented page is
 * AVAILABLE, PREVIEW or DEPRECATED by its own markers, whatever the roadmap or board says). Without docs, the most
 * advanced word of the roadmap and the board decides, in the order AVAILABLE (launched / Shipped), COMING_SOON,
 * IN_PROGRESS, ON_HOLD, PLANNED, IDEA, NOT_PLANNED; with no linked item at all the cell is ABSENT. Items that are
 * only part of a feature (sub-pages, titles that merely mention it) count only when nothing names the feature itself.
 */
public final class ParityEngine {

    /** Without docs: the first of these that any roadmap or board item says wins. */
    private static final List<FeatureStatus> PLAN_ORDER = List.of(FeatureStatus.AVAILABLE, FeatureStatus.COMING_SOON,
            FeatureStatus.IN_PROGRESS, FeatureStatus.ON_HOLD, FeatureStatus.PLANNED, FeatureStatus.IDEA,
            FeatureStatus.NOT_PLANNED);
    /** With docs: a primary page's own marker; several pages for one feature take the most settled. */
    private static final List<FeatureStatus> DOCS_ORDER = List.of(FeatureStatus.AVAILABLE, FeatureStatus.PREVIEW,
            FeatureStatus.DEPRECATED);

    /** Evidence is listed docs first: what users can use outranks what is planned. */
    private static final List<SourceKind> EVIDENCE_ORDER = List.of(SourceKind.DOCS, SourceKind.ROADMAP,
            SourceKind.BOARD);

    private ParityEngine() {
    }

    /** A language of the family: id and display name, in display order. */
    public record Language(String id, String name) {
    }

    public static ParityMatrix compute(long dataVersion, Instant generatedAt, List<Language> languages,
            List<StoredItem> items, Alignment alignment) {
        return compute(dataVersion, generatedAt, languages, items, alignment, StatusTimelines.none());
    }

    /**
     * As {@link #compute(long, Instant, List, List, Alignment)}, with each item's stored history: cells then carry
     * their timeline, and "since", "available since" and the releases come from it.
     */
    public static ParityMatrix compute(long dataVersion, Instant generatedAt, List<Language> languages,
            List<StoredItem> items, Alignment alignment, StatusTimelines history) {
        Map<String, Map<String, List<Linked>>> byFeature = new HashMap<>();
        Set<String> documentedLanguages = new HashSet<>();
        for (StoredItem item : items) {
            if (item.source() == SourceKind.DOCS) {
                documentedLanguages.add(item.language());
            }
            FeatureLink link = alignment.links().get(item.ref());
            if (link != null) {
                byFeature.computeIfAbsent(link.featureId(), f -> new HashMap<>())
                        .computeIfAbsent(item.language(), l -> new ArrayList<>()).add(new Linked(item, link));
            }
        }
        List<MatrixRow> rows = new ArrayList<>();
        for (Feature feature : alignment.features()) {
            Map<String, List<Linked>> perLanguage = byFeature.getOrDefault(feature.id(), Map.of());
            List<ParityCell> cells = new ArrayList<>();
            for (Language language : languages) {
                cells.add(cell(language.id(), perLanguage.getOrDefault(language.id(), List.of()),
                        documentedLanguages.contains(language.id()), history));
            }
            rows.add(row(feature, cells));
        }
        rows.sort(displayOrder(alignment.features()));
        return new ParityMatrix(dataVersion, generatedAt, coverage(languages, rows), rows);
    }

    private record Linked(StoredItem item, FeatureLink link) {
        SourceKind source() {
            return item.source();
        }

        ItemFacts facts() {
            return item.facts();
        }
    }

    private static ParityCell cell(String language, List<Linked> linked, boolean docsSynced,
            StatusTimelines history) {
        if (linked.isEmpty()) {
            return new ParityCell(language, FeatureStatus.ABSENT, null, null, null, List.of(), List.of());
        }
        List<Linked> ordered = linked.stream().sorted(Comparator.comparingInt((Linked l) -> EVIDENCE_ORDER.indexOf(
                l.source())).thenComparing(l -> l.link().supporting()).thenComparing(l -> l.facts().key())).toList();
        Linked decisive = decisive(ordered);
        List<Evidence> evidence = ordered.stream().map(l -> new Evidence(l.source(), l.facts().evidenceUrl(),
                describe(l.facts()), l.item().lastSeen())).toList();
        Priority priority = ordered.stream().filter(l -> l.source() == SourceKind.ROADMAP)
                .map(l -> l.facts().priority()).filter(p -> p != null).map(Priority::valueOf)
                .min(Comparator.naturalOrder()).orElse(null);
        FeatureStatus status = decisive.facts().status();
        Instant since = decisive.item().statusSince();
        Instant availableSince = status.isShipped() ? shippedSince(ordered) : null;
        List<StatusTimelines.Point> timeline = history.isEmpty() ? List.of() : timeline(ordered, history);
        String versionAdded = null;
        Instant gaSince = null;
        String gaIn = null;
        // the timeline speaks only when it ends where the cell is now (history older than it may be missing)
        if (!timeline.isEmpty() && timeline.get(timeline.size() - 1).status() == status) {
            since = timeline.get(timeline.size() - 1).at();
            StatusTimelines.Point firstShipped = timeline.stream()
                    .filter(p -> p.status() != null && p.status().isShipped()).findFirst().orElse(null);
            if (firstShipped != null && status.isShipped()) {
                availableSince = firstShipped.at();
                versionAdded = firstShipped.release();
            }
            StatusTimelines.Point ga = generalAvailability(timeline);
            if (ga != null && status == FeatureStatus.AVAILABLE) {
                gaSince = ga.at();
                gaIn = ga.release();
            }
        }
        return new ParityCell(language, status, since, availableSince, versionAdded, gaSince, gaIn, priority,
                evidence, disagreements(ordered, decisive, docsSynced), timeline);
    }

    /** The first AVAILABLE after a PREVIEW: when a feature in preview became generally available. */
    private static StatusTimelines.Point generalAvailability(List<StatusTimelines.Point> timeline) {
        boolean preview = false;
        for (StatusTimelines.Point point : timeline) {
            if (point.status() == FeatureStatus.PREVIEW) {
                preview = true;
            } else if (preview && point.status() == FeatureStatus.AVAILABLE) {
                return point;
            }
        }
        return null;
    }

    /**
     * The cell's status at every time one of its items changed, by the same precedence as now: each item as it was
     * then (absent ones left out), the decisive one's status kept when it differs from the one before.
     */
    private static List<StatusTimelines.Point> timeline(List<Linked> ordered, StatusTimelines history) {
        Map<Linked, List<StatusTimelines.Point>> points = new java.util.LinkedHashMap<>();
        java.util.TreeMap<Instant, StatusTimelines.Point> changes = new java.util.TreeMap<>();
        for (Linked linked : ordered) {
            List<StatusTimelines.Point> own = history.of(linked.item().ref());
            points.put(linked, own);
            // a commit (and its release) is what a change is known by: the first point at a time that has one wins
            own.forEach(p -> changes.merge(p.at(), p, (a, b) -> a.commitId() != null ? a : b));
        }
        List<StatusTimelines.Point> cell = new ArrayList<>();
        FeatureStatus previous = FeatureStatus.ABSENT;
        for (StatusTimelines.Point change : changes.values()) {
            List<Linked> then = new ArrayList<>();
            points.forEach((linked, own) -> {
                FeatureStatus status = StatusTimelines.at(own, change.at());
                if (status != null) {
                    then.add(new Linked(linked.item().withStatus(status), linked.link()));
                }
            });
            FeatureStatus status = then.isEmpty() ? FeatureStatus.ABSENT : decisive(then).facts().status();
            if (status != previous) {
                cell.add(new StatusTimelines.Point(change.at(), status, change.commitId(), change.release()));
                previous = status;
            }
        }
        return cell;
    }

    /** The item whose status the cell shows (see the class comment for the precedence). */
    private static Linked decisive(List<Linked> ordered) {
        List<Linked> docs = ordered.stream().filter(l -> l.source() == SourceKind.DOCS).toList();
        if (!docs.isEmpty()) {
            List<Linked> primary = docs.stream().filter(l -> !l.link().supporting()).toList();
            return best(primary.isEmpty() ? docs : primary, DOCS_ORDER);
        }
        List<Linked> naming = ordered.stream().filter(l -> !l.link().supporting()).toList();
        return best(naming.isEmpty() ? ordered : naming, PLAN_ORDER);
    }

    private static Linked best(List<Linked> candidates, List<FeatureStatus> order) {
        return candidates.stream().min(Comparator.comparingInt((Linked l) -> {
            int at = order.indexOf(l.facts().status());
            return at < 0 ? order.size() : at;
        })).orElseThrow();
    }

    private static List<Disagreement> disagreements(List<Linked> ordered, Linked decisive, boolean docsSynced) {
        List<Disagreement> found = new ArrayList<>();
        boolean documented = decisive.source() == SourceKind.DOCS;
        for (Linked l : ordered) {
            ItemFacts facts = l.facts();
            if (l.source() == SourceKind.DOCS && facts.tableName() != null && !l.link().supporting()) {
                found.add(new Disagreement(Kind.NAV_TABLE_NAMES_DIFFER, "the docs nav calls it '" + facts.title()
                        + "' but the home page's features table calls it '" + facts.tableName() + "'"));
            }
            if (l.link().supporting() || l.source() == SourceKind.DOCS) {
                continue;
            }
            boolean launched = facts.status() == FeatureStatus.AVAILABLE;
            if (documented && decisive.facts().status().isShipped() && !launched
                    && facts.status() != FeatureStatus.COMING_SOON) {
                Kind kind = l.source() == SourceKind.ROADMAP ? Kind.DOCS_AHEAD_OF_ROADMAP : Kind.DOCS_AHEAD_OF_BOARD;
                found.add(new Disagreement(kind, "the docs ship it, but the " + sourceName(l.source()) + " item '"
                        + facts.title() + "' is " + statusWords(facts)));
            }
            if (!documented && launched && docsSynced) {
                found.add(new Disagreement(Kind.LAUNCHED_WITHOUT_DOCS, "the " + sourceName(l.source()) + " item '"
                        + facts.title() + "' says it launched, but no docs page documents it"));
            }
        }
        return found;
    }

    private static String sourceName(SourceKind source) {
        return source == SourceKind.ROADMAP ? "roadmap" : "board";
    }

    private static String statusWords(ItemFacts facts) {
        String status = facts.status().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
        if (facts.progressTotal() != null && facts.progressTotal() > 0) {
            status += " (" + facts.progressDone() + "/" + facts.progressTotal() + " ticked)";
        } else if (facts.statusRaw() != null) {
            status += " (" + facts.statusRaw() + ")";
        }
        return status;
    }

    private static String describe(ItemFacts facts) {
        return facts.statusRaw() == null ? facts.title() : facts.title() + " — " + facts.statusRaw();
    }

    static MatrixRow row(Feature feature, List<ParityCell> cells) {
        int shipped = 0;
        Instant lastToShip = null;
        String completedBy = null;
        for (ParityCell cell : cells) {
            if (cell.status().isShipped()) {
                shipped++;
                // shipped without a break since: a language that shipped, pulled and re-shipped it counts from the
                // last time (everywhere at once is what "universal since" means)
                Instant since = cell.shippedContinuouslySince();
                if (since != null && (lastToShip == null || since.isAfter(lastToShip))) {
                    lastToShip = since;
                    completedBy = cell.language();
                }
            }
        }
        Parity parity = shipped == 0 ? Parity.NONE : shipped == cells.size() ? Parity.UNIVERSAL
                : shipped == 1 ? Parity.UNIQUE : Parity.PARTIAL;
        boolean universal = parity == Parity.UNIVERSAL;
        return new MatrixRow(feature, parity, universal ? lastToShip : null, universal ? completedBy : null, cells);
    }

    /**
     * The matrix as if only these languages were tracked (in the family's order): parity, "available everywhere
     * since" and coverage are recomputed over them; rows nothing of them mentions are left out.
     */
    public static ParityMatrix restrict(ParityMatrix matrix, java.util.Collection<String> languageIds) {
        List<Language> kept = matrix.languages().stream().filter(l -> languageIds.contains(l.language()))
                .map(l -> new Language(l.language(), l.name())).toList();
        List<MatrixRow> rows = new ArrayList<>();
        for (MatrixRow row : matrix.rows()) {
            List<ParityCell> cells = row.cells().stream().filter(c -> languageIds.contains(c.language())).toList();
            if (cells.stream().anyMatch(c -> c.status() != FeatureStatus.ABSENT)) {
                rows.add(row(row.feature(), cells));
            }
        }
        return new ParityMatrix(matrix.dataVersion(), matrix.generatedAt(), coverage(kept, rows), rows);
    }

    /** When a language first documented the feature (or its roadmap or board first said it shipped). */
    private static Instant shippedSince(List<Linked> linked) {
        return linked.stream().filter(l -> l.facts().status() != null && l.facts().status().isShipped())
                .map(l -> l.source() == SourceKind.DOCS ? l.item().firstSeen() : l.item().statusSince())
                .filter(t -> t != null).min(Comparator.naturalOrder()).orElse(null);
    }

    /** Groups in the order they first appear, features within a group in alignment order. */
    private static Comparator<MatrixRow> displayOrder(List<Feature> features) {
        Map<String, Integer> groupOrder = new HashMap<>();
        Map<String, Integer> featureOrder = new HashMap<>();
        for (Feature feature : features) {
            groupOrder.putIfAbsent(groupOf(feature), groupOrder.size());
            featureOrder.put(feature.id(), featureOrder.size());
        }
        return Comparator.comparingInt((MatrixRow r) -> groupOrder.get(groupOf(r.feature())))
                .thenComparingInt(r -> featureOrder.get(r.feature().id()));
    }

    private static String groupOf(Feature feature) {
        return feature.group() == null ? "" : feature.group();
    }

    private static List<LanguageCoverage> coverage(List<Language> languages, List<MatrixRow> rows) {
        int anywhere = (int) rows.stream().filter(r -> r.parity() != Parity.NONE).count();
        Map<String, Integer> shipped = new HashMap<>();
        for (MatrixRow row : rows) {
            for (ParityCell cell : row.cells()) {
                if (cell.status().isShipped()) {
                    shipped.merge(cell.language(), 1, Integer::sum);
                }
            }
        }
        List<LanguageCoverage> out = new ArrayList<>();
        for (Language language : languages) {
            int count = shipped.getOrDefault(language.id(), 0);
            double ratio = anywhere == 0 ? 0 : Math.round(10_000.0 * count / anywhere) / 10_000.0;
            out.add(new LanguageCoverage(language.id(), language.name(), count, anywhere, ratio));
        }
        return out;
    }
}
