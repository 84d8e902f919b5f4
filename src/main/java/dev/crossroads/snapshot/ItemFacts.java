package dev.crossroads.snapshot;

import dev.crossroads.roadmap.DocsFeature;
import dev.crossroads.roadmap.RoadmapItem;

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

    public static ItemFacts of(DocsFeature feature) {
        String target = feature.pagePath() != null ? feature.pagePath() : feature.url();
        String status = feature.markers().isEmpty() ? "DOCUMENTED" : feature.markers().get(0).name();
        return new ItemFacts("docs/" + target, feature.name(), "FEATURE", status, null, null, null,
                feature.navGroup(), target);
    }
}
