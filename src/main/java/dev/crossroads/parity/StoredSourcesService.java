package dev.crossroads.parity;

import dev.crossroads.roadmap.RoadmapDocument;
import dev.crossroads.roadmap.RoadmapParser;
import dev.crossroads.snapshot.ItemFacts;
import dev.crossroads.snapshot.ItemRef;
import dev.crossroads.snapshot.SourceKind;
import dev.crossroads.snapshot.StoredItem;
import dev.crossroads.snapshot.StoredItemRepository;
import dev.crossroads.snapshot.StoredItemRepository.LatestSnapshot;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A language's sources as last stored, read back: its roadmap page as Crossroads read it and its docs feature list
 * in nav order, each item with its life so far and the feature alignment linked it to. The stored page is parsed
 * again (the parser is pure and the raw text is kept), once per snapshot.
 */
@ApplicationScoped
public class StoredSourcesService {

    private static final int MAX_PARSED = 64;

    private final StoredItemRepository repository;
    private final ParityService parity;
    private final RoadmapParser parser = new RoadmapParser();
    private final Map<Long, RoadmapDocument> parsed = new ConcurrentHashMap<>();

    StoredSourcesService(StoredItemRepository repository, ParityService parity) {
        this.repository = repository;
        this.parity = parity;
    }

    /** A stored item's facts with what the matrix knows of it; {@code item} is null if it left the source since. */
    public record Entry(ItemFacts facts, StoredItem item, FeatureLink link) {
    }

    public record StoredRoadmap(String language, long snapshotId, Instant fetchedAt, RoadmapDocument document,
            Map<String, Entry> entries) {
    }

    public record StoredDocs(String language, long snapshotId, Instant fetchedAt, List<Entry> features) {
    }

    /** The latest stored roadmap of a language; null before its first sync. */
    public Uni<StoredRoadmap> roadmap(String language) {
        return repository.latest(language, SourceKind.ROADMAP).emitOn(Infrastructure.getDefaultWorkerPool())
                .map(latest -> latest == null ? null : new StoredRoadmap(language, latest.id(), latest.fetchedAt(),
                        parse(latest), entries(language, SourceKind.ROADMAP, latest)));
    }

    /** The latest stored docs feature list of a language, in nav order; null before its first sync. */
    public Uni<StoredDocs> docs(String language) {
        return repository.latest(language, SourceKind.DOCS).map(latest -> latest == null ? null
                : new StoredDocs(language, latest.id(), latest.fetchedAt(),
                        List.copyOf(entries(language, SourceKind.DOCS, latest).values())));
    }

    private RoadmapDocument parse(LatestSnapshot latest) {
        RoadmapDocument known = parsed.get(latest.id());
        if (known != null) {
            return known;
        }
        if (parsed.size() >= MAX_PARSED) {
            parsed.clear();
        }
        RoadmapDocument document = parser.parse(latest.content());
        parsed.put(latest.id(), document);
        return document;
    }

    private Map<String, Entry> entries(String language, SourceKind source, LatestSnapshot latest) {
        ParityState state = parity.state();
        Map<String, Entry> entries = new java.util.LinkedHashMap<>();
        for (ItemFacts facts : latest.items()) {
            ItemRef ref = new ItemRef(language, source, facts.key());
            entries.putIfAbsent(facts.key(), new Entry(facts, state.itemsByRef().get(ref),
                    state.alignment().links().get(ref)));
        }
        return entries;
    }
}
