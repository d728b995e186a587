package io.reasoner.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogTailTest {

    @TempDir
    Path dir;

    @Test
    void lastLines_returnsOnlyTheEndOfTheLog() throws IOException {
        Path log = Files.writeString(dir.resolve("x.log"), "one\ntwo\nthree\nfour\n");

        assertThat(LogTail.lastLines(log, 2)).isEqualTo("three" + System.lineSeparator() + "four");
    }

    @Test
    void missingLog_saysSoInsteadOfFailing() {
        assertThat(LogTail.lastLines(dir.resolve("none.log"), 5)).startsWith("(no log at ");
    }
}
