package dev.crossroads.snapshot;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.List;

@ApplicationScoped
@WithSession
public class ChangeEventRepository implements PanacheRepository<ChangeEvent> {

    /** Changes at or after {@code since}, after the event with id {@code afterId}, oldest first. */
    public Uni<List<ChangeEvent>> page(Instant since, long afterId, int limit) {
        return find("occurredAt >= :since and id > :after order by id",
                Parameters.with("since", since).and("after", afterId)).page(0, limit).list();
    }
}
