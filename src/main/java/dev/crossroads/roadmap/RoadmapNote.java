package dev.crossroads.roadmap;

/**
 * Side remarks attached to an item: an mkdocs admonition ({@code !!! info "title"}) or a quoted reason.
 *
 * @param kind the admonition type ({@code info}, {@code tip}, …) or {@code reason}
 */
public record RoadmapNote(String kind, String title, String body) {
}
