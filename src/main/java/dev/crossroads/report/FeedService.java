package dev.crossroads.report;

import dev.crossroads.parity.FeatureLink;
import dev.crossroads.parity.MatrixSelection;
import dev.crossroads.parity.ParityEngine;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityState;
import dev.crossroads.snapshot.ChangeFeedRepository;
import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.source.FamilyConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The change feed: stored changes (an item added, shipped, changing status, dropped, removed) and the features that
 * became available everywhere, newest first. Rendered once per matrix state and request URL: changes are stored in
 * the same statement that moves the data version.
 */
@ApplicationScoped
public class FeedService {

    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 500;
    private static final int CACHED_FEEDS = 128;

    private final ParityService parity;
    private final ChangeFeedRepository changes;
    private final FamilyConfig family;
    private final Map<String, String> languageNames = new HashMap<>();
    private final RenderCache cache = new RenderCache(CACHED_FEEDS);

    FeedService(ParityService parity, ChangeFeedRepository changes, FamilyConfig family) {
        this.parity = parity;
        this.changes = changes;
        this.family = family;
        parity.languages().forEach(l -> languageNames.put(l.id(), l.name()));
    }

    /**
     * What a reader asked for.
     *
     * @param language only changes in this language; null for all
     * @param feature  only changes of this feature; null for all (an id no feature has gives an empty feed: a reader
     *                 may subscribe before the feature first appears)
     * @param limit    entries, clamped to 1..{@value #MAX_LIMIT}
     */
    public record FeedRequest(String language, String feature, int limit) {

        public FeedRequest {
            language = language == null || language.isBlank() ? null : language.strip();
            feature = feature == null || feature.isBlank() ? null : feature.strip();
            limit = Math.max(1, Math.min(MAX_LIMIT, limit));
        }
    }

    /**
     * @param base the service's base URL as the request reached it (entry links resolve against it)
     * @param self the URL the feed was requested at
     * @throws MatrixSelection.UnknownLanguageException for a language the family does not have
     */
    public Uni<Rendered> feed(FeedRequest request, URI base, URI self) {
        if (request.language() != null && !languageNames.containsKey(request.language())) {
            throw new MatrixSelection.UnknownLanguageException(request.language(),
                    parity.languages().stream().map(ParityEngine.Language::id).toList());
        }
        ParityState state = parity.state();
        return cache.getAsync(state, self.toString(), () -> render(state, request, base, self));
    }

    private Uni<Rendered> render(ParityState state, FeedRequest request, URI base, URI self) {
        Map<String, String> featureNames = new HashMap<>();
        state.matrix().rows().forEach(row -> featureNames.put(row.feature().id(), row.feature().name()));
        FeedEntries.Names names = new FeedEntries.Names(family.family().id(), base, languageNames, featureNames);
        Map<ItemRef, FeatureLink> links = state.alignment().links();
        List<ItemRef> featureItems = request.feature() == null ? List.of() : links.values().stream()
                .filter(link -> link.featureId().equals(request.feature())).map(FeatureLink::item).toList();
        return changes.newest(request.language(), request.feature(), featureItems, request.limit()).map(found -> {
            List<FeedEntry> stored = found.stream().map(change -> {
                FeatureLink now = links.get(change.ref());
                return FeedEntries.change(change, now != null ? now.featureId() : change.featureId(), names);
            }).filter(entry -> request.feature() == null || request.feature().equals(entry.featureId())).toList();
            List<FeedEntry> derived = FeedEntries.availableEverywhere(state.matrix().rows(), names,
                    request.language(), request.feature());
            List<FeedEntry> entries = FeedEntries.newestFirst(stored, derived, request.limit());
            AtomFeed.Header header = header(state, request, names, entries, self);
            return Rendered.of(AtomFeed.write(header, entries), AtomFeed.MEDIA_TYPE + "; charset=UTF-8", null,
                    state.dataVersion());
        });
    }

    private AtomFeed.Header header(ParityState state, FeedRequest request, FeedEntries.Names names,
            List<FeedEntry> entries, URI self) {
        StringBuilder id = new StringBuilder(names.prefix()).append("feed");
        StringBuilder title = new StringBuilder(family.family().name()).append(": changes");
        if (request.language() != null) {
            id.append("/language/").append(request.language());
            title.append(" in ").append(names.language(request.language()));
        }
        if (request.feature() != null) {
            id.append("/feature/").append(request.feature());
            title.append(" to ").append(names.feature(request.feature()));
        }
        Instant built = state.matrix().generatedAt();
        Instant updated = !entries.isEmpty() ? entries.get(0).at() : built != null ? built : Instant.EPOCH;
        String alternate = request.feature() != null ? names.featurePage(request.feature()) : names.base().toString();
        String subtitle = state.items().isEmpty() ? ParityReport.NO_DATA : null;
        return new AtomFeed.Header(id.toString(), title.toString(), subtitle, updated, self.toString(), alternate);
    }
}
