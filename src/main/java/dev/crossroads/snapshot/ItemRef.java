package dev.crossroads.snapshot;

/** Names one item of one source of one language, across syncs. */
public record ItemRef(String language, SourceKind source, String key) {

    @Override
    public String toString() {
        return language + ":" + source.name().toLowerCase(java.util.Locale.ROOT) + ":" + key;
    }
}
