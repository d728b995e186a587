package io.reasoner.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.launcher.LauncherException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PidFileTest {

    @TempDir
    Path dir;

    @Test
    void writtenPid_readsBack_andTheFileHoldsOnlyTheNumber() throws IOException {
        PidFile pidFile = new PidFile(dir.resolve("run/gateway.pid"));

        pidFile.write(4242);

        assertThat(pidFile.read()).hasValue(4242);
        assertThat(Files.readString(pidFile.path())).isEqualTo("4242\n");
        assertThat(pidFile.name()).isEqualTo("gateway");
    }

    @Test
    void missingFile_readsAsEmpty_andDeleteIsHarmless() {
        PidFile pidFile = new PidFile(dir.resolve("kafka.pid"));

        pidFile.delete();

        assertThat(pidFile.read()).isEmpty();
    }

    @Test
    void garbage_isReportedWithThePath() throws IOException {
        PidFile pidFile = new PidFile(Files.writeString(dir.resolve("kafka.pid"), "not a pid"));

        assertThatThrownBy(pidFile::read)
                .isInstanceOf(LauncherException.class)
                .hasMessageContaining(pidFile.path().toString())
                .hasMessageContaining("'not a pid'");
    }

    @Test
    void nameWithoutPidSuffix_isRejected() {
        assertThatThrownBy(() -> new PidFile(dir.resolve("kafka.txt")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must end in .pid");
    }
}
