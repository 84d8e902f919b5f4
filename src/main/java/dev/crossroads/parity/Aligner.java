package dev.crossroads.parity;

import dev.crossroads.parity.FeatureLink.Reason;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StoredItem;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Decides which feature each stored item belongs to, in this order of trust: a maintainer's link, the catalog, the
 * same name after normalisation ({@link NameKeys}), the page or nav entry a docs page sits under, then string
 * similarity. Docs define features; roadmap and board items attach to them by what their titles name. A match below
 * {@link #LINK_AT} never merges silently: between {@link #SUGGEST_AT} and it, it becomes a {@link Suggestion} and the
 * item stays its own feature (docs) or unlinked (roadmap, board). Pure: the same inputs give the same alignment.
 */
public final class Aligner {

    /** Similarity at which two names are merged without asking. */
    static final double LINK_AT = 0.94;
    /** Similarity at which a match is worth showing a maintainer. */
    static final double SUGGEST_AT = 0.86;
    /** The confidence shown for a suggestion made because one name contains the other. */
    private static final double CONTAINED = 0.88;
    /** Words that make a roadmap or board title about a feature rather than the feature's name. */
    private static final Pattern TITLE_LEAD = Pattern.compile("(?i)^\\s*(\\[[^]]*]\\s*)?(feat(ure)?(\\([^)]*\\))?"
            + "( request)?|rfc|request|proposal|idea|new utility|new feature|new|add(ing)?|support for|introduce|"
            + "implement|create|revamp)\\b\\s*[:\\-–]?\\s*");
    /** Titles that announce a feature of their own, when nothing known matches. */
    private static final Pattern FEATURE_SHAPED = Pattern.compile("(?i)^\\s*(feature request|new utility|new feature|"
            + "add|introduce|support for)\\b.*|.*\\b(utility|module|support|handler)\\s*$");

    private final List<String> languages;
    private final Map<String, Draft> features = new LinkedHashMap<>();
    private final Map<String, String> byKey = new HashMap<>();
    /**
     * The same names by first two letters and numbers (similarity is only worth computing for names that start
     * alike, and names with other numbers never match)...
     */
    private final Map<String, List<String>> keysByInitial = new HashMap<>();
    /** ...and by each of their words (a name can only hold another that has its first word). */
    private final Map<String, List<String>> keysByWord = new HashMap<>();
    private final Map<String, String> byPage = new HashMap<>();
    private final Map<ItemRef, FeatureLink> links = new LinkedHashMap<>();
    private final List<Suggestion> suggestions = new ArrayList<>();
    private final List<StoredItem> unlinked = new ArrayList<>();
    private final Map<ItemRef, String> curated = new HashMap<>();
    private final Set<String> rejected = new HashSet<>();
    private final Map<StoredItem, Boolean> pending = new LinkedHashMap<>();
    private final Map<String, String> groupSpelling = new HashMap<>();

    private Aligner(List<String> languages) {
        this.languages = List.copyOf(languages);
    }

    /**
     * @param languages the family's language ids, in display order
     * @param items     every present item of every source
     */
    public static Alignment align(List<String> languages, List<StoredItem> items, Catalog catalog, Curation curation) {
        Aligner aligner = new Aligner(languages);
        List<StoredItem> sorted = items.stream().sorted(Comparator
                .comparingInt((StoredItem i) -> languageOrder(languages, i.language()))
                .thenComparing(i -> i.facts().section() == null ? "" : i.facts().section())
                .thenComparing(i -> i.facts().key())).toList();
        aligner.load(catalog, curation);
        aligner.createCurated(curation, naturalIds(sorted));
        aligner.docs(sorted);
        for (StoredItem item : sorted) {
            if (item.source() != SourceKind.DOCS) {
                aligner.titled(item);
            }
        }
        aligner.createCurated(curation, Set.of()); // entries whose natural feature did not appear: now they exist
        aligner.linkPending();
        return aligner.finish(curation);
    }

    private static int languageOrder(List<String> languages, String language) {
        int at = languages.indexOf(language);
        return at < 0 ? languages.size() : at;
    }

    private void load(Catalog catalog, Curation curation) {
        for (CatalogFeature feature : catalog.features()) {
            Draft draft = draft(feature.id(), feature.name() == null ? feature.id() : feature.name(), feature.group(),
                    Origin.CATALOG);
            draft.description = feature.description();
            feature.names().forEach((language, names) -> names.forEach(name -> {
                if (name.endsWith(".md")) {
                    byPage.putIfAbsent(language + "\0" + name, feature.id());
                    byPage.putIfAbsent("\0" + name, feature.id());
                } else {
                    draft.catalogNames.computeIfAbsent(language, l -> new ArrayList<>()).add(name);
                    NameKeys.of(name).forEach(key -> index(key, feature.id()));
                }
            }));
            NameKeys.of(draft.name).forEach(key -> index(key, feature.id()));
        }
        curation.links().forEach(link -> curated.put(link.item(), link.featureId()));
        curation.rejected().forEach(link -> rejected.add(suggestionId(link.item(), link.featureId())));
    }

    /** Documented features, language by language: pages first, then the sub-pages under them. */
    private void docs(List<StoredItem> sorted) {
        for (String language : languages) {
            List<StoredItem> docs = sorted.stream()
                    .filter(i -> i.source() == SourceKind.DOCS && i.language().equals(language)).toList();
            Parents parents = new Parents(docs);
            Map<StoredItem, StoredItem> subPages = new LinkedHashMap<>();
            for (StoredItem item : docs) {
                StoredItem parent = parents.of(item);
                if (parent != null) {
                    subPages.put(item, parent);
                } else {
                    documented(item, false);
                }
            }
            subPages.forEach((item, parentPage) -> {
                if (!curatedOrCatalog(item, true)) {
                    FeatureLink parent = links.get(parentPage.ref());
                    if (parent == null) {
                        documented(item, true);
                    } else {
                        link(item, parent.featureId(), 1.0, Reason.SUB_PAGE, true);
                    }
                }
            });
        }
    }

    /**
     * Finds the docs item a page sits under: the page whose folder holds it ({@code core/metrics/datadog.md} under
     * {@code core/metrics.md}), or the entry its nav group is named after ("Metrics > Datadog"). Indexed once per
     * language, so a docs tree of thousands of pages is read in one pass.
     */
    private static final class Parents {
        private final Map<String, StoredItem> byFolder = new HashMap<>();
        private final Map<String, StoredItem> byTitle = new HashMap<>();

        Parents(List<StoredItem> docs) {
            for (StoredItem item : docs) {
                String page = item.facts().url();
                if (page != null && !page.contains("://")) {
                    byFolder.putIfAbsent(NameKeys.pageFolder(page), item);
                    String key = NameKeys.key(item.facts().title());
                    if (!key.isEmpty()) {
                        byTitle.putIfAbsent(key, item);
                    }
                }
            }
        }

        StoredItem of(StoredItem item) {
            String page = item.facts().url();
            if (page != null && !page.contains("://")) {
                for (int slash = page.lastIndexOf('/'); slash > 0; slash = page.lastIndexOf('/', slash - 1)) {
                    StoredItem parent = byFolder.get(page.substring(0, slash + 1));
                    if (parent != null && parent != item && !page.equals(parent.facts().url())) {
                        return parent;
                    }
                }
            }
            String group = navGroup(item.facts().section());
            String groupKey = group == null ? "" : NameKeys.key(group);
            if (!groupKey.isEmpty() && !groupKey.equals(NameKeys.key(item.facts().title()))) {
                StoredItem parent = byTitle.get(groupKey);
                if (parent != null && parent != item) {
                    return parent;
                }
            }
            return null;
        }
    }

    private void documented(StoredItem item, boolean supporting) {
        if (curatedOrCatalog(item, supporting)) {
            return;
        }
        Set<String> keys = docsKeys(item.facts());
        for (String key : keys) {
            String id = byKey.get(key);
            if (id != null) {
                link(item, id, 1.0, Reason.SAME_NAME, supporting);
                return;
            }
        }
        Match similar = mostSimilar(keys, item.language());
        if (similar != null && similar.score >= LINK_AT) {
            link(item, similar.featureId, similar.score, Reason.SIMILAR_NAME, supporting);
            return;
        }
        String group = navGroup(item.facts().section());
        Draft own = draft(uniqueId(item.facts().title()), item.facts().title(), group, Origin.DOCS);
        keys.forEach(key -> index(key, own.id));
        link(item, own.id, 1.0, Reason.OWN_FEATURE, supporting);
        if (similar != null && similar.score >= SUGGEST_AT) {
            suggest(item, similar, "its name is close to " + features.get(similar.featureId).name);
        } else {
            String containing = containing(keys, own.id);
            if (containing != null) {
                suggest(item, new Match(containing, CONTAINED), "one name contains the other: "
                        + item.facts().title() + " / " + features.get(containing).name);
            }
        }
    }

    /**
     * A feature one of whose names holds all of these words in order, or the other way round ("Custom Resources" and
     * "CloudFormation Custom Resources"). Never merged on its own: "Event Handler" is also inside "Bedrock Agent
     * Event Handler".
     */
    private String containing(Set<String> keys, String self) {
        for (String key : keys) {
            if (key.length() < 4) {
                continue;
            }
            // a known name inside this one: some run of its words
            List<String> tokens = List.of(key.split(" "));
            for (int length = tokens.size() - 1; length >= 1; length--) {
                for (int start = 0; start + length <= tokens.size(); start++) {
                    String run = String.join(" ", tokens.subList(start, start + length));
                    String id = run.length() >= 4 ? byKey.get(run) : null;
                    if (id != null && !id.equals(self)) {
                        return id;
                    }
                }
            }
            // this name inside a known one: only names with all its words can hold it; look among its rarest word's
            List<String> holders = null;
            for (String word : tokens) {
                List<String> with = keysByWord.getOrDefault(word, List.of());
                if (holders == null || with.size() < holders.size()) {
                    holders = with;
                }
            }
            String padded = " " + key + " ";
            for (String other : holders) {
                String id = byKey.get(other);
                if (!id.equals(self) && !other.equals(key) && (" " + other + " ").contains(padded)) {
                    return id;
                }
            }
        }
        return null;
    }

    /**
     * A maintainer's link or the catalog's; true when either decided (an unlink lists the item as unlinked). A link
     * to a feature not known yet (one a later language's docs or a maintainer create) is made once all are known.
     */
    private boolean curatedOrCatalog(StoredItem item, boolean supporting) {
        if (curated.containsKey(item.ref())) {
            String featureId = curated.get(item.ref());
            if (featureId == null) {
                unlinked.add(item);
            } else if (features.containsKey(featureId)) {
                link(item, featureId, 1.0, Reason.CURATED, supporting);
            } else {
                pending.put(item, supporting);
            }
            return true;
        }
        ItemFacts facts = item.facts();
        String id = item.source() == SourceKind.DOCS && facts.url() != null
                ? byPage.getOrDefault(item.language() + "\0" + facts.url(), byPage.get("\0" + facts.url())) : null;
        if (id == null) {
            for (String key : item.source() == SourceKind.DOCS ? docsKeys(facts) : NameKeys.of(facts.title())) {
                id = features.containsKey(byKey.get(key))
                        && features.get(byKey.get(key)).origin == Origin.CATALOG ? byKey.get(key) : null;
                if (id != null) {
                    break;
                }
            }
        }
        if (id != null) {
            link(item, id, 1.0, Reason.CATALOG, supporting);
            return true;
        }
        return false;
    }

    /** Roadmap items and board cards: attach to the feature their title names or mentions. */
    private void titled(StoredItem item) {
        if (curatedOrCatalog(item, false)) {
            return;
        }
        String title = TITLE_LEAD.matcher(item.facts().title()).replaceFirst("");
        String key = NameKeys.key(title);
        String named = byKey.get(key);
        if (named != null) {
            link(item, named, 0.95, Reason.TITLE_NAMES_FEATURE, false);
            return;
        }
        String mentioned = mentioned(NameKeys.tokens(title));
        if (mentioned != null) {
            link(item, mentioned, 0.8, Reason.TITLE_MENTIONS_FEATURE, true);
            return;
        }
        Match similar = key.isEmpty() ? null : mostSimilar(Set.of(key), null);
        if (similar != null && similar.score >= LINK_AT) {
            link(item, similar.featureId, similar.score, Reason.SIMILAR_NAME, false);
            return;
        }
        if (similar != null && similar.score >= SUGGEST_AT) {
            suggest(item, similar, "its title is close to " + features.get(similar.featureId).name);
        }
        if (item.source() == SourceKind.ROADMAP && FEATURE_SHAPED.matcher(item.facts().title()).matches()
                && !key.isEmpty()) {
            Draft own = draft(uniqueId(title), title.strip(), null, Origin.ROADMAP);
            index(key, own.id);
            link(item, own.id, 0.9, Reason.OWN_FEATURE, false);
        } else {
            unlinked.add(item);
        }
    }

    /**
     * The feature whose whole key appears, word for word, in the title; the longest such key wins. Looks up every
     * run of the title's words (titles are short), so the cost does not grow with the number of features.
     */
    private String mentioned(List<String> titleTokens) {
        for (int length = titleTokens.size(); length >= 1; length--) {
            for (int start = 0; start + length <= titleTokens.size(); start++) {
                String run = String.join(" ", titleTokens.subList(start, start + length));
                String id = run.length() >= 4 ? byKey.get(run) : null;
                if (id != null) {
                    return id;
                }
            }
        }
        return null;
    }

    private record Match(String featureId, double score) {
    }

    /**
     * The most similar known name (Jaro-Winkler over normalised keys), if any scores at least {@link #SUGGEST_AT}.
     * Only names starting with the same two letters, and with the same numbers, are compared: Jaro-Winkler rewards
     * a shared beginning, so little is lost ("tracer"/"tracing", "metric"/"metrics"), and a 10,000-feature family
     * stays cheap.
     */
    private Match mostSimilar(Set<String> keys, String language) {
        Match best = null;
        for (String key : keys) {
            if (key.isEmpty()) {
                continue;
            }
            for (String other : keysByInitial.getOrDefault(initial(key), List.of())) {
                double score = other.equals(key) ? 0 : Similarity.of(key, other);
                if (score < SUGGEST_AT) {
                    continue;
                }
                String id = byKey.get(other);
                if (language != null && features.get(id).languages.contains(language)) {
                    continue; // one language does not document one feature twice
                }
                if (best == null || score > best.score) {
                    best = new Match(id, score);
                }
            }
        }
        return best;
    }

    private void suggest(StoredItem item, Match match, String reason) {
        String id = suggestionId(item.ref(), match.featureId);
        if (!rejected.contains(id)) {
            suggestions.add(new Suggestion(id, item.ref(), item.facts().title(), match.featureId,
                    features.get(match.featureId).name, Math.round(match.score * 100) / 100.0, reason));
        }
    }

    static String suggestionId(ItemRef item, String featureId) {
        return item + "->" + featureId;
    }

    private static Set<String> docsKeys(ItemFacts facts) {
        Set<String> keys = new java.util.LinkedHashSet<>(NameKeys.of(facts.title()));
        keys.addAll(NameKeys.of(facts.tableName()));
        String stem = NameKeys.pageStem(facts.url());
        if (stem != null && !facts.url().contains("://")) {
            keys.addAll(NameKeys.of(stem));
        }
        return keys;
    }

    private static String navGroup(String section) {
        if (section == null || section.isBlank()) {
            return null;
        }
        int last = section.lastIndexOf(ItemFacts.SECTION_SEPARATOR);
        return (last < 0 ? section : section.substring(last + ItemFacts.SECTION_SEPARATOR.length())).strip();
    }

    private void link(StoredItem item, String featureId, double confidence, Reason reason, boolean supporting) {
        links.put(item.ref(), new FeatureLink(item.ref(), featureId, confidence, reason, supporting));
        Draft draft = features.get(featureId);
        draft.languages.add(item.language());
        if (item.source() == SourceKind.DOCS && !supporting) {
            draft.alias(item.language(), item.facts().title());
            if (item.facts().tableName() != null) {
                draft.alias(item.language(), item.facts().tableName());
            }
        }
    }

    /** One spelling per group, the first seen: the catalog's "Event handler" and a nav's "Event Handler" are one. */
    private String spelling(String group) {
        return group == null ? null : groupSpelling.computeIfAbsent(group.toLowerCase(java.util.Locale.ROOT),
                g -> group);
    }

    private static String initial(String key) {
        return (key.length() <= 2 ? key : key.substring(0, 2)) + "|" + Similarity.numbers(key);
    }

    private void index(String key, String featureId) {
        if (!key.isEmpty() && byKey.putIfAbsent(key, featureId) == null) {
            keysByInitial.computeIfAbsent(initial(key), c -> new ArrayList<>()).add(key);
            for (String word : new HashSet<>(List.of(key.split(" ")))) {
                keysByWord.computeIfAbsent(word, w -> new ArrayList<>()).add(key);
            }
        }
    }

    private String uniqueId(String name) {
        String base = NameKeys.slug(name);
        String id = base;
        for (int n = 2; features.containsKey(id); n++) {
            id = base + "-" + n;
        }
        return id;
    }

    private Draft draft(String id, String name, String group, Origin origin) {
        Draft draft = new Draft(id, name, spelling(group), origin);
        features.put(id, draft);
        return draft;
    }

    /**
     * The ids alignment gives features it finds by itself (a docs page's or a feature-shaped roadmap title's slug):
     * a maintainer's entry with one of these ids edits that feature, it does not create one.
     */
    private static Set<String> naturalIds(List<StoredItem> items) {
        Set<String> ids = new HashSet<>();
        for (StoredItem item : items) {
            String title = item.facts().title();
            if (item.source() == SourceKind.DOCS) {
                ids.add(NameKeys.slug(title));
            } else if (item.source() == SourceKind.ROADMAP && FEATURE_SHAPED.matcher(title).matches()) {
                ids.add(NameKeys.slug(TITLE_LEAD.matcher(title).replaceFirst("")));
            }
        }
        return ids;
    }

    /**
     * Features maintainers created: known before alignment, so items naming them attach to them; they exist (with
     * no items) until deleted. Entries for features alignment finds by itself are edits, applied at the end.
     */
    private void createCurated(Curation curation, Set<String> natural) {
        for (CatalogFeature feature : curation.features()) {
            if (!features.containsKey(feature.id()) && !natural.contains(feature.id())) {
                draft(feature.id(), feature.name() == null ? feature.id() : feature.name(), feature.group(),
                        Origin.CURATED);
                NameKeys.of(feature.name()).forEach(key -> index(key, feature.id()));
            }
        }
    }

    /** Maintainers' links whose feature appeared only later in the pass. */
    private void linkPending() {
        pending.forEach((item, supporting) -> {
            String featureId = curated.get(item.ref());
            if (features.containsKey(featureId)) {
                link(item, featureId, 1.0, Reason.CURATED, supporting);
            } else {
                unlinked.add(item); // the feature is gone (merged away, or its docs page left): listed, not lost
            }
        });
    }

    /** Applies merges and maintainers' names, drops features nothing is linked to (unless a person made them). */
    private Alignment finish(Curation curation) {
        Map<String, String> mergedInto = new HashMap<>();
        curation.merges().forEach(m -> mergedInto.put(m.from(), m.into()));
        Map<ItemRef, FeatureLink> resolved = new LinkedHashMap<>();
        links.forEach((ref, link) -> {
            String target = resolve(link.featureId(), mergedInto);
            resolved.put(ref, target.equals(link.featureId()) ? link
                    : new FeatureLink(ref, target, link.confidence(), link.reason(), link.supporting()));
            if (!target.equals(link.featureId())) {
                features.get(link.featureId()).aliases.forEach((language, names) ->
                        names.forEach(name -> features.get(target).alias(language, name)));
            }
        });
        for (CatalogFeature edit : curation.features()) {
            Draft draft = features.get(edit.id());
            if (draft != null) {
                draft.name = edit.name() != null ? edit.name() : draft.name;
                draft.group = edit.group() != null ? spelling(edit.group()) : draft.group;
                draft.description = edit.description() != null ? edit.description() : draft.description;
            }
        }
        Set<String> used = new HashSet<>();
        resolved.values().forEach(link -> used.add(link.featureId()));
        List<Feature> out = new ArrayList<>();
        for (Draft draft : features.values()) {
            boolean merged = !resolve(draft.id, mergedInto).equals(draft.id);
            if (!merged && (used.contains(draft.id) || draft.origin == Origin.CURATED)) {
                out.add(draft.toFeature(languages));
            }
        }
        List<Suggestion> open = suggestions.stream()
                .filter(s -> !resolved.containsKey(s.item()) || !resolved.get(s.item()).featureId()
                        .equals(resolve(s.featureId(), mergedInto)))
                .toList();
        return new Alignment(out, resolved, open, unlinked);
    }

    private String resolve(String id, Map<String, String> mergedInto) {
        String at = id;
        for (int hops = 0; mergedInto.containsKey(at) && features.containsKey(mergedInto.get(at)) && hops < 32;
                hops++) {
            at = mergedInto.get(at);
        }
        return at;
    }

    private enum Origin { CATALOG, CURATED, DOCS, ROADMAP }

    /** A feature while alignment is still finding its items. */
    private static final class Draft {
        final String id;
        final Origin origin;
        String name;
        String group;
        String description;
        final Set<String> languages = new HashSet<>();
        final Map<String, Set<String>> aliases = new LinkedHashMap<>();
        final Map<String, List<String>> catalogNames = new LinkedHashMap<>();

        Draft(String id, String name, String group, Origin origin) {
            this.id = id;
            this.name = name;
            this.group = group;
            this.origin = origin;
        }

        void alias(String language, String name) {
            aliases.computeIfAbsent(language, l -> new java.util.LinkedHashSet<>()).add(name);
        }

        Feature toFeature(List<String> order) {
            List<Feature.Alias> out = new ArrayList<>();
            for (String language : order) {
                Set<String> names = aliases.get(language);
                List<String> spelled = names != null ? List.copyOf(names)
                        : catalogNames.getOrDefault(language, List.of());
                spelled.forEach(name -> out.add(new Feature.Alias(language, name)));
            }
            return new Feature(id, name, group, description, out);
        }
    }
}
