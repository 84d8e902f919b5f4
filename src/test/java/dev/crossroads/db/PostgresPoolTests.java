package dev.crossroads.db;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Long statements stay prepared on their connection, as short ones do. */
@QuarkusTest
class PostgresPoolTests {

    @Inject
    Pool pool;

    @Test
    void aStatementLongerThanTheClientsDefaultLimitIsPreparedOnceAndKept() {
        // longer than the client's default limit (2,048 characters), shorter than ours, as the sync's statement is
        String padding = "x".repeat(3_000);
        String longStatement = "SELECT $1::text || '" + padding + "' AS padded";
        assertThat(longStatement.length()).isBetween(2_049, PostgresPoolCreator.CACHED_SQL_LIMIT);

        long kept = pool.withConnection(connection -> connection.preparedQuery(longStatement).execute(Tuple.of("a"))
                        .flatMap(first -> connection.preparedQuery(longStatement).execute(Tuple.of("b")))
                        // a statement the client keeps is a named one, listed for the session that prepared it
                        .flatMap(second -> connection.preparedQuery(
                                        "SELECT count(*) AS kept FROM pg_prepared_statements WHERE statement = $1")
                                .execute(Tuple.of(longStatement))))
                .map(rows -> rows.iterator().next().getLong("kept"))
                .await().atMost(Duration.ofSeconds(10));

        assertThat(kept).isEqualTo(1);
    }
}
