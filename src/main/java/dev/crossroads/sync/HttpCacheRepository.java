package dev.crossroads.sync;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class HttpCacheRepository implements PanacheRepositoryBase<HttpCacheEntry, String> {
}
