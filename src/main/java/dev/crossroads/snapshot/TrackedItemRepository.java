package dev.crossroads.snapshot;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class TrackedItemRepository implements PanacheRepository<TrackedItem> {

    public Uni<List<TrackedItem>> ofSource(String language, SourceKind source) {
        return list("language = ?1 and source = ?2", language, source);
    }
}
