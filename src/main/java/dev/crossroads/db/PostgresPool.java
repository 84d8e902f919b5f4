package dev.crossroads.db;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.pgclient.PgPool;
import io.vertx.sqlclient.Pool;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Creates the datasource's pool as Quarkus would, except that statements up to {@value #CACHED_SQL_LIMIT} characters
 * stay prepared on their connection ({@code cache-prepared-statements} in application.yaml). The PostgreSQL client
 * caches only statements up to 2,048 characters by default, and Quarkus has no setting for the limit; the sync's
 * per-source statement is about 3,900, so without this it was parsed, analysed and planned by the server at every
 * execution, a few milliseconds of the server's CPU per full sync (docs/benchmarks.md, fifth pass).
 */
@ApplicationScoped
class PostgresPool implements PgPoolCreator {

    /** Above every statement Crossroads sends; the cache's size (256 statements a connection) bounds its memory. */
    static final int CACHED_SQL_LIMIT = 16_384;

    @Override
    @SuppressWarnings("deprecation") // Quarkus's pool recorder expects a PgPool
    public Pool create(Input input) {
        for (PgConnectOptions options : input.pgConnectOptionsList()) {
            options.setPreparedStatementCacheSqlLimit(CACHED_SQL_LIMIT);
        }
        return PgPool.pool(input.vertx(), input.pgConnectOptionsList(), input.poolOptions());
    }
}
