package dev.crossroads.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.reactive.pg.client.PgPoolCreator;
import io.vertx.core.Vertx;
import io.vertx.pgclient.PgConnectOptions;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.PoolOptions;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What the pool is made with, and the one datasource setting it cannot honour. */
class PostgresPoolCreatorTests {

    @Test
    void everyServerTheDatasourceNamesKeepsStatementsUpToTheRaisedLimit() {
        List<PgConnectOptions> servers = List.of(new PgConnectOptions().setHost("db-1"),
                new PgConnectOptions().setHost("db-2"));
        Vertx vertx = Vertx.vertx();
        try {
            Pool pool = new PostgresPoolCreator(Optional.empty()).create(input(vertx, servers));
            pool.close();
        } finally {
            vertx.close();
        }

        // the client keeps the limit as a filter on the statement's text
        assertThat(servers).allSatisfy(server -> {
            assertThat(server.getPreparedStatementCacheSqlFilter().test("x".repeat(4_000))).isTrue();
            assertThat(server.getPreparedStatementCacheSqlFilter().test("x".repeat(PostgresPoolCreator.CACHED_SQL_LIMIT + 1)))
                    .isFalse();
        });
    }

    @Test
    void aCredentialsProviderIsRefusedNamingTheSettingsToUseInstead() {
        PostgresPoolCreator creator = new PostgresPoolCreator(Optional.of("vault"));

        assertThatThrownBy(() -> creator.create(input(null, List.of(new PgConnectOptions()))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("quarkus.datasource.credentials-provider (vault) is not supported")
                .hasMessageContaining("QUARKUS_DATASOURCE_USERNAME")
                .hasMessageContaining("QUARKUS_DATASOURCE_PASSWORD");
    }

    private static PgPoolCreator.Input input(Vertx vertx, List<PgConnectOptions> servers) {
        return new PgPoolCreator.Input() {
            @Override
            public Vertx vertx() {
                return vertx;
            }

            @Override
            public PoolOptions poolOptions() {
                return new PoolOptions().setMaxSize(2);
            }

            @Override
            public List<PgConnectOptions> pgConnectOptionsList() {
                return servers;
            }
        };
    }
}
