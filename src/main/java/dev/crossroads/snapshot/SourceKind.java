package dev.crossroads.snapshot;

/** The three things Crossroads reads per language. */
public enum SourceKind {
    /** The roadmap page, {@code docs/roadmap.md}. */
    ROADMAP,
    /** The docs feature list: mkdocs nav, home page table, page headers. */
    DOCS,
    /** The GitHub Projects board. */
    BOARD
}
