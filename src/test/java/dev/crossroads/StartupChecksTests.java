package dev.crossroads;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class StartupChecksTests {

    @Test
    void everySettingHasItsEnvironmentName() {
        assertThat(StartupChecks.knownEnvironmentNames()).contains("CROSSROADS_CONFIG_FILE", "CROSSROADS_DB_DATA_DIR",
                "CROSSROADS_SYNC_MAX_BYTES", "CROSSROADS_GITHUB_WEBHOOK_SECRET", "CROSSROADS_ADMIN_TOKEN",
                "CROSSROADS_PARITY_CATALOG", "CROSSROADS_PARSE_TIME_BUDGET", "CROSSROADS_SYNC_LEASE");
    }

    @Test
    void aMisspeltEnvironmentVariableIsRefusedWithTheNameItMeant() {
        assertThat(StartupChecks.problem(Map.of("CROSSROADS_SYNC_INTERVL", "5m"), Map.of())).isEqualTo(
                "Unknown setting CROSSROADS_SYNC_INTERVL in the environment (did you mean CROSSROADS_SYNC_INTERVAL?);"
                        + " the crossroads.* settings are listed in README.md");
    }

    @Test
    void knownVariablesAndOthersPass() {
        assertThat(StartupChecks.problem(Map.of("CROSSROADS_SYNC_INTERVAL", "5m", "PATH", "/bin"), Map.of()))
                .isNull();
    }

    @Test
    void aBadFamilyFileIsReportedBeforeAnythingStarts() {
        assertThat(StartupChecks.problem(Map.of("CROSSROADS_CONFIG_FILE", "src/test/resources/no-such-family.yaml"),
                Map.of())).startsWith("The family file is not valid: ");
        assertThat(StartupChecks.problem(Map.of(), Map.of("crossroads.config-file", "config/examples/gizmo.yaml")))
                .isNull();
    }
}
