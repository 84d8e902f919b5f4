package dev.crossroads.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Creates the datasource's pool as Quarkus would, except that statements up to {@value #CACHED_SQL_LIMIT} characters
 * stay prepared on their connection ({@code cache-prepared-statements} in application.yaml). The PostgreSQL client
 * caches only statements up to 2,048 characters by default, and Quarkus has no setting for the limit; the sync's
 * per-source statement is about 3,900, so without this the server parsed and planned it at every execution: a
 * third of its CPU in a full sync (docs/benchmarks.md, fifth pass).
 *
 * <p>The pool connects with the datasource's URL, user name and password as configured. Quarkus's own pool would
 * also ask a credentials provider ({@code quarkus.datasource.credentials-provider}) at each connection; a pool made
 * here cannot, so that setting is refused at start-up rather than silently never asked again. (Crossroads bundles
 * no provider today: Quarkus itself stops the start when one is named; this guards the day one is added.)
 */
@ApplicationScoped
class PostgresPoolCreator implements PgPoolCreator {

    /** Above every statement Crossroads sends; the cache's size (256 statements a connection) bounds its memory. */
    static final int CACHED_SQL_LIMIT = 16_384;

    private final Optional<String> credentialsProvider;

    @Inject
    PostgresPoolCreator(Config config) {
        this(config.getOptionalValue("quarkus.datasource.credentials-provider", String.class));
    }

    PostgresPoolCreator(Optional<String> credentialsProvider) {
        this.credentialsProvider = credentialsProvider;
    }

    @Override
    @SuppressWarnings("deprecation") // Quarkus's pool recorder expects a PgPool
    public Pool create(Input input) {
        if (credentialsProvider.isPresent()) {
            throw new IllegalStateException("quarkus.datasource.credentials-provider (" + credentialsProvider.get()
                    + ") is not supported: set quarkus.datasource.username and quarkus.datasource.password"
                    + " (QUARKUS_DATASOURCE_USERNAME, QUARKUS_DATASOURCE_PASSWORD)");
        }
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setPreparedStatementCacheSqlLimit(CACHED_SQL_LIMIT);
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
