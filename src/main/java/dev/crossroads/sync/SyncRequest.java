package dev.crossroads.sync;

import dev.crossroads.snapshot.SourceKind;
import java.util.Optional;

/** Which sources a run covers: everything, one language, one kind of source, or one source of one language. */
public record SyncRequest(SyncRun.Trigger trigger, Optional<String> language, Optional<SourceKind> source) {

    public static SyncRequest everything(SyncRun.Trigger trigger) {
        return new SyncRequest(trigger, Optional.empty(), Optional.empty());
    }

    boolean covers(String languageId, SourceKind kind) {
        return language.map(languageId::equals).orElse(true) && source.map(kind::equals).orElse(true);
    }
}
