package dev.crossroads.parity;

/**
 * How much of the family's feature set one language ships.
 *
 * @param coverage shipped / features shipped anywhere, 0 to 1 (0 when nothing ships anywhere)
 */
public record LanguageCoverage(String language, String name, int shipped, int total, double coverage) {
}
