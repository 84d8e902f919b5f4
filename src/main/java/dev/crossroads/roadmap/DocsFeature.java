package dev.crossroads.roadmap;

import java.util.List;

/**
 * One feature a language documents, in nav order.
 *
 * @param pagePath docs-relative page, e.g. {@code core/logger.md}; null for an external link
 * @param url      the target of an external nav link, else null
 * @param navPath  the nav groups above the entry, outermost first
 * @param navGroup the nearest of them, e.g. "Core utilities" or "Event Handler"
 */
public record DocsFeature(String name, String pagePath, String url, List<String> navPath, String navGroup,
        TitleSource titleSource, List<Maturity> markers) {

    public DocsFeature {
        navPath = List.copyOf(navPath);
        markers = List.copyOf(markers);
    }
}
