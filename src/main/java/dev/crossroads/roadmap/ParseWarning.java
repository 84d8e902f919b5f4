package dev.crossroads.roadmap;

/** Something the parser skipped or could not read, and why; {@code line} is 1-based, 0 when unknown. */
public record ParseWarning(int line, String message) {
}
