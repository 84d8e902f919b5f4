package dev.crossroads.sync;

import io.quarkus.hibernate.reactive.panache.PanacheRepository;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

@ApplicationScoped
@WithSession
public class SourceResultRepository implements PanacheRepository<SourceResult> {

    /** The newest result of every language and source. */
    public Uni<List<SourceResult>> latestPerSource() {
        return list("id in (select max(r.id) from SourceResult r group by r.language, r.source)");
    }

    /** The newest result of every language and source that did not fail. */
    public Uni<List<SourceResult>> latestSuccessPerSource() {
        return list("id in (select max(r.id) from SourceResult r where r.status <> ?1 and r.status <> ?2"
                + " group by r.language, r.source)", SourceResult.Status.FAILED, SourceResult.Status.SKIPPED);
    }
}
