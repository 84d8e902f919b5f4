package dev.crossroads.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FamilyConfigLoaderTests {

    @TempDir
    Path dir;

    @Test
    void shippedConfigurationDescribesTheFourPowertoolsRuntimes() {
        FamilyConfig config = FamilyConfigLoader.load(Path.of("config/crossroads.yaml"));

        assertThat(config.family().id()).isEqualTo("powertools");
        assertThat(config.languages()).extracting(FamilyConfig.LanguageSource::id)
                .containsExactly("python", "typescript", "java", "dotnet");
        assertThat(config.languages()).extracting(l -> l.board().orElseThrow().number()).containsExactly(3, 7, 4, 6);
        assertThat(config.languages()).extracting(FamilyConfig.LanguageSource::branch)
                .containsExactly("develop", "main", "main", "develop");
        assertThat(config.language("java").orElseThrow().repository())
                .isEqualTo("aws-powertools/powertools-lambda-java");
        assertThat(config.languages()).allSatisfy(l -> {
            assertThat(l.roadmapPath()).isEqualTo("docs/roadmap.md");
            assertThat(l.docs()).isEqualTo(new FamilyConfig.DocsPaths("mkdocs.yml", "docs/index.md", "docs"));
            assertThat(l.localPath()).isEmpty();
        });
    }

    @Test
    void offlineExampleReadsLocalFoldersThatExist() {
        FamilyConfig config = FamilyConfigLoader.load(Path.of("config/examples/gizmo.yaml"));

        assertThat(config.languages()).isNotEmpty().allSatisfy(l -> {
            assertThat(l.localPath()).isPresent();
            assertThat(l.localPath().orElseThrow().resolve(l.roadmapPath())).isRegularFile();
            assertThat(l.localPath().orElseThrow().resolve(l.docs().nav())).isRegularFile();
        });
    }

    @Test
    void defaultsApplyWhenOptionalKeysAreLeftOut() throws IOException {
        FamilyConfig config = load("""
                family: { id: fam, name: Family }
                languages:
                  - { id: go, name: Go, repository: acme/fam-go }
                """);

        FamilyConfig.LanguageSource go = config.languages().get(0);
        assertThat(go.branch()).isEqualTo("main");
        assertThat(go.roadmapPath()).isEqualTo("docs/roadmap.md");
        assertThat(go.docs().nav()).isEqualTo("mkdocs.yml");
        assertThat(go.board()).isEmpty();
    }

    @Test
    void localPathIsResolvedAgainstTheConfigFolder() throws IOException {
        Files.createDirectories(dir.resolve("trees/go"));

        FamilyConfig config = load("""
                family: { id: fam, name: Family }
                languages:
                  - { id: go, name: Go, repository: acme/fam-go, local-path: trees/go }
                """);

        assertThat(config.languages().get(0).localPath()).contains(dir.resolve("trees/go"));
    }

    @Test
    void missingLanguageIdNamesTheKey() {
        assertInvalid("""
                family: { id: fam, name: Family }
                languages:
                  - { id: go, name: Go, repository: acme/fam-go }
                  - { name: Rust, repository: acme/fam-rust }
                """, "languages[1].id: is required");
    }

    @Test
    void missingFamilyIdNamesTheKey() {
        assertInvalid("""
                family: { name: Family }
                languages: [ { id: go, name: Go, repository: acme/fam-go } ]
                """, "family.id: is required");
    }

    @Test
    void duplicateLanguageIsRejected() {
        assertInvalid("""
                family: { id: fam, name: Family }
                languages:
                  - { id: go, name: Go, repository: acme/fam-go }
                  - { id: go, name: Golang, repository: acme/fam-golang }
                """, "languages[1].id: duplicate language 'go' (already defined at languages[0])");
    }

    @Test
    void unknownKeyIsRejectedWithTheKnownOnes() {
        assertInvalid("""
                family: { id: fam, name: Family }
                languages:
                  - { id: go, name: Go, repository: acme/fam-go, rodmap: docs/roadmap.md }
                """, "languages[0].rodmap: unknown key (expected one of board, branch, docs, id, local-path, name, "
                + "repository, roadmap)");
    }

    @Test
    void unknownNestedKeyIsRejected() {
        assertInvalid("""
                family: { id: fam, name: Family }
                languages:
                  - { id: go, name: Go, repository: acme/fam-go, board: { org: acme, number: 2, view: 3 } }
                """, "languages[0].board.view: unknown key (expected one of number, org)");
    }

    @Test
    void localPathThatDoesNotExistIsRejected() {
        assertInvalid("""
                family: { id: fam, name: Family }
                languages:
                  - { id: go, name: Go, repository: acme/fam-go, local-path: nowhere/go }
                """, "languages[0].local-path: folder 'nowhere/go' does not exist");
    }

    @Test
    void malformedValuesAreRejected() {
        assertInvalid("""
                family: { id: fam, name: Family }
                languages: [ { id: Go Lang, name: Go, repository: acme/fam-go } ]
                """, "languages[0].id: 'Go Lang' must be lower-case letters, digits and dashes");
        assertInvalid("""
                family: { id: fam, name: Family }
                languages: [ { id: go, name: Go, repository: fam-go } ]
                """, "languages[0].repository: must be 'owner/name', got 'fam-go'");
        assertInvalid("""
                family: { id: fam, name: Family }
                languages: [ { id: go, name: Go, repository: acme/go, board: { org: acme, number: -1 } } ]
                """, "languages[0].board.number: must be a positive project number, got '-1'");
        assertInvalid("""
                family: { id: fam, name: Family }
                languages: []
                """, "languages: must be a non-empty list of languages");
    }

    @Test
    void brokenYamlAndMissingFileAreReportedWithTheFile() throws IOException {
        assertInvalid("family: { id: fam\nlanguages: [", "invalid YAML at line");
        Path missing = dir.resolve("absent.yaml");
        assertThatThrownBy(() -> FamilyConfigLoader.load(missing))
                .isInstanceOf(InvalidFamilyConfigException.class)
                .hasMessage(missing + ": file not found (set crossroads.config-file or CROSSROADS_CONFIG_FILE)");
    }

    @Test
    void duplicateYamlKeysAreRejected() {
        assertInvalid("""
                family: { id: fam, name: Family }
                family: { id: other, name: Other }
                languages: [ { id: go, name: Go, repository: acme/fam-go } ]
                """, "invalid YAML");
    }

    private FamilyConfig load(String yaml) throws IOException {
        Path file = dir.resolve("family.yaml");
        Files.writeString(file, yaml);
        return FamilyConfigLoader.load(file);
    }

    private void assertInvalid(String yaml, String expected) {
        Path file = dir.resolve("family.yaml");
        assertThatThrownBy(() -> load(yaml))
                .isInstanceOf(InvalidFamilyConfigException.class)
                .hasMessageStartingWith(file + ": " + expected)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
    }
}
