package dev.crossroads.sync;

import dev.crossroads.snapshot.SourceKind;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/**
 * Which sources a run covers: everything, one language, some kinds of source, or both.
 *
 * @param sources the kinds to read; empty means all
 */
public record SyncRequest(SyncRun.Trigger trigger, Optional<String> language, Set<SourceKind> sources) {

    public SyncRequest {
        sources = sources.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(sources));
    }

    public SyncRequest(SyncRun.Trigger trigger, Optional<String> language, Optional<SourceKind> source) {
        this(trigger, language, source.map(Set::of).orElse(Set.of()));
    }

    public static SyncRequest everything(SyncRun.Trigger trigger) {
        return new SyncRequest(trigger, Optional.empty(), Set.of());
    }

    boolean covers(String languageId, SourceKind kind) {
        return language.map(languageId::equals).orElse(true) && (sources.isEmpty() || sources.contains(kind));
    }

    String describeSources() {
        return sources.isEmpty() ? null : String.join(",", sources.stream().map(Enum::name).sorted().toList());
    }
}
