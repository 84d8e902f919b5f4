package dev.crossroads.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.crossroads.testing.GitRepos;
import dev.crossroads.testing.GraphQLRequests;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code crossroads.history.backfill-on-start}: the service backfills by itself once started. */
@QuarkusTest
@TestProfile(BackfillOnStartTests.OnStart.class)
class BackfillOnStartTests {

    public static class OnStart implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Path root = Path.of("target/history-on-start").toAbsolutePath();
            try {
                if (!Files.isDirectory(root.resolve("toy/.git"))) {
                    try (GitRepos toy = GitRepos.init(root.resolve("toy"), "main")) {
                        toy.commit("2020-06-01T00:00:00Z", Map.of("mkdocs.yml",
                                "nav:\n  - Features:\n      - core/logger.md\n", "docs/index.md", "# Toy\n",
                                "docs/core/logger.md", "# Logger\n"));
                    }
                }
                Files.writeString(root.resolve("family.yaml"), """
                        family: {id: toy, name: Toy}
                        languages:
                          - {id: toy, name: Toy, repository: toys/toy, branch: main, local-path: toy}
                        """, StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return Map.of("crossroads.config-file", root.resolve("family.yaml").toString(),
                    "crossroads.history.backfill-on-start", "true", "crossroads.parity.catalog", "none");
        }
    }

    @Test
    void theHistoryIsBackfilledAtStartUp() throws InterruptedException {
        String state = null;
        for (int i = 0; i < 200 && !"DONE".equals(state); i++) {
            JsonPath progress = GraphQLRequests.post("historyBackfill").extract().jsonPath();
            state = progress.getString("data.historyBackfill.find { it.language == 'toy' }.state");
            Thread.sleep(100);
        }
        assertThat(state).isEqualTo("DONE");
    }
}
