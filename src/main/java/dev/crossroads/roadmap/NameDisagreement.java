package dev.crossroads.roadmap;

/** The nav and the home page's features table name the same page differently. */
public record NameDisagreement(String pagePath, String navName, String tableName) {
}
