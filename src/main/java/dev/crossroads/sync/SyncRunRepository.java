package dev.crossroads.sync;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class SyncRunRepository implements PanacheRepository<SyncRun> {

    public Uni<List<SyncRun>> latest(int count) {
        return findAll(Sort.descending("startedAt", "id")).page(0, count).list();
    }
}
