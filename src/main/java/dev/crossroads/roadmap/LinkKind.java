package dev.crossroads.roadmap;

/** What a link on a roadmap points at. */
public enum LinkKind {
    ISSUE, PULL_REQUEST, RFC, DISCUSSION, DOCS, BOARD, OTHER
}
