package dev.crossroads.roadmap;

/**
 * A link found on a roadmap page, classified.
 *
 * @param owner  GitHub owner for GitHub links, else null
 * @param repo   GitHub repository for repository links, else null
 * @param number issue, pull request, discussion, milestone or project number, else null
 */
public record RoadmapLink(String text, String url, LinkKind kind, String owner, String repo, Integer number) {
}
