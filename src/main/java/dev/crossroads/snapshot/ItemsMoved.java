package dev.crossroads.snapshot;

/**
 * A sync stored a snapshot in which items of a source disappeared while others appeared: some may be the same items
 * under another key (a page moved to another folder). Whoever keeps item history may look again.
 */
public record ItemsMoved(String language, SourceKind source) {
}
