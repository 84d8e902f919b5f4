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

    /** The latest {@code limit} changes, newest first, of one language or of all when it is null. */
    public Uni<List<ChangeEvent>> newest(String language, int limit) {
        return language == null
                ? find("order by occurredAt desc, id desc").page(0, limit).list()
                : find("language = ?1 order by occurredAt desc, id desc", language).page(0, limit).list();
    }
}
