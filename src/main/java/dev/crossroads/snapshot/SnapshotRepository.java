package dev.crossroads.snapshot;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class SnapshotRepository implements PanacheRepository<Snapshot> {

    public Uni<Snapshot> latest(String language, SourceKind source) {
        return find("language = ?1 and source = ?2 order by fetchedAt desc, id desc", language, source).firstResult();
    }
}
