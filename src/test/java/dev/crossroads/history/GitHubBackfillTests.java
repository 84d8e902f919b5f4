package dev.crossroads.history;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.parity.ParityCell;
import dev.crossroads.parity.ParityService;
import dev.crossroads.parity.ParityState;
import dev.crossroads.source.SourceService;
import dev.crossroads.testing.Database;
import dev.crossroads.testing.GitHubFromGitResource;
import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.sqlclient.Pool;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * The same history read from GitHub (a stand-in serving the bundles' clones): the same dates and releases as from
 * the clones, at most one API request per commit plus paging, raw requests only for changed files, and a second
 * backfill that fetches no file.
 */
@QuarkusTest
@WithTestResource(value = GitHubFromGitResource.class, scope = TestResourceScope.RESTRICTED_TO_CLASS)
class GitHubBackfillTests {

    @Inject
    BackfillService backfill;

    @Inject
    ParityService parity;

    @Inject
    SourceService family;

    @Inject
    Pool pool;

    @Test
    void theDocsHistoryFromGitHubGivesTheSameDatesAndReleasesAtOneRequestPerCommit() throws Throwable {
        Database.wipeSyncHistory(pool);
        Database.execute(pool, "TRUNCATE history_backfill, release_tag");
        int commits = 0;
        int requests = 0;
        for (var language : family.languages()) {
            BackfillProgress done = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
            assertThat(done.state()).as(done.message()).isEqualTo(BackfillProgress.State.DONE);
            commits += done.commitsDone();
            requests += done.requests();
        }
        JsonPath stats = stats();
        int tags = (int) Database.count(pool, "SELECT count(*) FROM release_tag");
        // per commit one detail; per language a few list pages, one tree, the tag pages and one compare per tag
        assertThat(stats.getInt("api")).isLessThanOrEqualTo(commits + tags + 4 * 12);
        assertThat(requests).isEqualTo(stats.getInt("api") + stats.getInt("raw"));

        ParityState state = matrix();
        for (BundleBackfillTests.FirstAppearance row : BundleBackfillTests.TABLE) {
            ParityCell cell = state.rowsById().get(row.feature()).cell(row.language()).orElseThrow();
            assertThat(cell.availableSince()).as(row.toString()).isEqualTo(OffsetDateTime.parse(row.date())
                    .toInstant());
            assertThat(cell.versionAdded()).as(row.toString()).isEqualTo(row.release());
        }

        int rawBefore = stats.getInt("raw");
        int apiBefore = stats.getInt("api");
        for (var language : family.languages()) {
            BackfillProgress again = VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
            assertThat(again.commitsTotal()).as(language.id()).isZero();
        }
        JsonPath after = stats();
        assertThat(after.getInt("raw")).isEqualTo(rawBefore);
        // per language: the branch listing and one per watched path (from the last commit on), the tag pages
        assertThat(after.getInt("api") - apiBefore).as("commit listings and tag pages only").isLessThanOrEqualTo(4 * 5);

        // asked again, every listing is a conditional request answered 304 (free of GitHub's quota)
        for (var language : family.languages()) {
            VertxContextSupport.subscribeAndAwait(() -> backfill.run(language, null));
        }
        JsonPath third = stats();
        assertThat(third.getInt("raw")).isEqualTo(rawBefore);
        assertThat(third.getInt("notModified") - after.getInt("notModified"))
                .isEqualTo(third.getInt("api") - after.getInt("api")).isPositive();
    }

    private static JsonPath stats() {
        String url = ConfigProvider.getConfig().getValue("github-stand-in.url", String.class);
        return given().get(url + "/_stats").then().statusCode(200).extract().jsonPath();
    }

    private ParityState matrix() throws Throwable {
        long version = Database.count(pool, "SELECT version FROM data_version");
        for (int i = 0; i < 300; i++) {
            ParityState state = VertxContextSupport.subscribeAndAwait(() -> parity.refresh());
            if (state.dataVersion() >= version) {
                return state;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the matrix did not reach data version " + version);
    }
}
