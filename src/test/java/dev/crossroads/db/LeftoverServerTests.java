package dev.crossroads.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What a start does about the {@code postmaster.pid} it finds, for the cases no real server is needed for (the
 * packaged-jar {@code CrashRecoveryIT} kills a real one).
 */
class LeftoverServerTests {

    @TempDir
    Path dataDir;

    @Test
    void noLockFileOrOneNamingADeadProcessIsLeftToPostgreSql() throws Exception {
        LeftoverServer.stopIfAny(dataDir);

        Process gone = new ProcessBuilder("true").start();
        gone.waitFor(10, TimeUnit.SECONDS);
        Files.writeString(dataDir.resolve("postmaster.pid"), gone.pid() + "\n" + dataDir + "\n");
        LeftoverServer.stopIfAny(dataDir);
        assertThat(dataDir.resolve("postmaster.pid")).exists();
    }

    @Test
    void aLockFileNamingThisJvmIsStaleAndDeleted() throws Exception {
        Files.writeString(dataDir.resolve("postmaster.pid"), ProcessHandle.current().pid() + "\n" + dataDir + "\n");

        LeftoverServer.stopIfAny(dataDir);

        assertThat(dataDir.resolve("postmaster.pid")).doesNotExist();
    }

    @Test
    void aLiveProcessThatIsNotOurServerIsNeverStoppedAndTheStartSaysWhatToDo() throws Exception {
        Process stranger = new ProcessBuilder("sleep", "30").start();
        try {
            Files.writeString(dataDir.resolve("postmaster.pid"), stranger.pid() + "\n" + dataDir + "\n");

            assertThatThrownBy(() -> LeftoverServer.stopIfAny(dataDir)).isInstanceOf(DatabaseStartFailure.class)
                    .hasMessageContaining("PID " + stranger.pid() + " (").hasMessageContaining("sleep 30)")
                    .hasMessageContaining("delete " + dataDir.resolve("postmaster.pid"));
            assertThat(stranger.isAlive()).isTrue();
        } finally {
            stranger.destroyForcibly();
        }
    }
}
