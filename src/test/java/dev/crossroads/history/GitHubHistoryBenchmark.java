package dev.crossroads.history;

import static io.restassured.RestAssured.given;

import dev.crossroads.source.SourceService;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubFromGitResource;
import io.quarkus.test.common.ResourceArg;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * History backfill of the four bundles from a GitHub stand-in answering every request 20 ms late, for
 * docs/benchmarks.md; not part of the test suite. Counts API and raw requests against commits and changed files.
 * Run with src/test/bench/history-backfill.sh.
 */
@QuarkusTest
@WithTestResource(value = GitHubFromGitResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS,
        initArgs = @ResourceArg(name = "delay-ms", value = "20"))
class GitHubHistoryBenchmark {

    @Inject
    BackfillService backfill;

    @Inject
    SourceService family;

    @Inject
    Pool pool;

    @Test
    void measure() throws Throwable {
        Database.wipeSyncHistory(pool);
        Database.execute(pool, "TRUNCATE history_backfill, release_tag");
        JsonPath before = stats();
        long started = System.nanoTime();
        int commits = 0;
        for (var language : family.languages()) {
            long one = System.nanoTime();
            JsonPath at = stats();
            BackfillProgress done = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
            JsonPath now = stats();
            commits += done.commitsDone();
            long tags = Database.count(pool, "SELECT count(*) FROM release_tag WHERE language = '" + language.id()
                    + "'");
            System.out.printf("BENCH github %s: %d commits, %d tags, %d API + %d raw requests, %d ms%n",
                    language.id(), done.commitsDone(), tags, now.getInt("api") - at.getInt("api"),
                    now.getInt("raw") - at.getInt("raw"), (System.nanoTime() - one) / 1_000_000);
        }
        long whole = System.nanoTime() - started;
        JsonPath after = stats();
        System.out.printf("BENCH github all: %d commits, %d API + %d raw requests, %d ms (20 ms per request)%n",
                commits, after.getInt("api") - before.getInt("api"), after.getInt("raw") - before.getInt("raw"),
                whole / 1_000_000);
        long again = System.nanoTime();
        for (var language : family.languages()) {
            VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
        }
        JsonPath second = stats();
        System.out.printf("BENCH github second backfill: %d API + %d raw requests, %d ms%n",
                second.getInt("api") - after.getInt("api"), second.getInt("raw") - after.getInt("raw"),
                (System.nanoTime() - again) / 1_000_000);
    }

    private static JsonPath stats() {
        String url = ConfigProvider.getConfig().getValue("github-stand-in.url", String.class);
        return given().get(url + "/_stats").then().statusCode(200).extract().jsonPath();
    }
}
