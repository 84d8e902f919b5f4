package dev.crossroads.testing;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/** The data version the database holds and the one the served matrix shows: rebuilds after a change are asynchronous. */
public final class ServedMatrix {

    private ServedMatrix() {
    }

    public static long databaseVersion(Pool pool) {
        return Long.parseLong(Database.text(pool, "SELECT version FROM data_version WHERE id = 1"));
    }

    public static long version() {
        return ((Number) GraphQLRequests.post("dataVersion").body("errors", nullValue()).extract()
                .path("data.parityMatrix.dataVersion")).longValue();
    }

    /** A full sync with the admin token, then waits for the matrix rebuilt from what it stored. */
    public static void syncAsAdmin(Pool pool) {
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + GitHubWireMockResource.ADMIN_TOKEN)
                .body(Map.of("query", GraphQLRequests.document("triggerSync"), "variables", Map.of()))
                .when().post("/graphql").then().statusCode(200).body("errors", nullValue());
        awaitAt(databaseVersion(pool));
    }

    /** Polls the served matrix until it is at this data version (5 s at most). */
    public static void awaitAt(long version) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        long seen = version();
        while (seen != version && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(25));
            seen = version();
        }
        assertThat(seen).as("data version of the served matrix").isEqualTo(version);
    }
}
