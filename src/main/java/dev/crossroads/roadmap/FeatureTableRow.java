package dev.crossroads.roadmap;

/** A row of the docs home page's features table ({@code | Utility | Description |}). */
public record FeatureTableRow(String name, String link, String description) {
}
