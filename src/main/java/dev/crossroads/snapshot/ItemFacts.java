package dev.crossroads.snapshot;

import dev.crossroads.roadmap.DocsFeature;
import dev.crossroads.roadmap.RoadmapItem;
import dev.crossroads.source.github.BoardItem;

/**
 * An item in the one shape all sources share, as stored in {@code snapshot_item} and tracked over time.
 *
 * @param key stable within its language and source: the roadmap item id, {@code docs/<page>} for features
 */
public record ItemFacts(String key, String title, String kind, String status, String priority, Integer progressDone,
        Integer progressTotal, String section, String url) {

    public static ItemFacts of(RoadmapItem item) {
        return new ItemFacts(item.id(), item.title(), item.kind().name(),
                item.status() == null ? null : item.status().name(),
                item.priority() == null ? null : item.priority().name(),
                item.progress().done(), item.progress().total(), String.join(" > ", item.sectionPath()),
                item.links().isEmpty() ? null : item.links().get(0).url());
    }

    /** A board card, keyed by what it points at (stable when a card is re-created for the same issue). */
    public static ItemFacts of(BoardItem card) {
        String target = card.url() != null ? card.url() : card.id();
        String title = card.title() != null ? card.title() : "(not visible to the token)";
        return new ItemFacts("board/" + target, title, card.type(), card.status(), null, null, null,
                card.repository(), card.url());
    }

    public static ItemFacts of(DocsFeature feature) {
        String target = feature.pagePath() != null ? feature.pagePath() : feature.url();
        String status = feature.markers().isEmpty() ? "DOCUMENTED" : feature.markers().get(0).name();
        return new ItemFacts("docs/" + target, feature.name(), "FEATURE", status, null, null, null,
                feature.navGroup(), target);
    }
}
