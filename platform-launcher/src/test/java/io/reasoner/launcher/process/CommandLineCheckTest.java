package io.reasoner.launcher.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.launcher.testing.StandInProcess;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;

class CommandLineCheckTest {

    @Test
    void theTestJvm_doesNotMatchAServiceJar() {
        assertThat(CommandLineCheck.matches(ProcessHandle.current(), "gateway/target/gateway-exec.jar")).isFalse();
    }

    @Test
    @EnabledOnOs(OS.LINUX)
    void markerAfterALongClasspath_stillMatches() throws Exception {
        Process process = StandInProcess.startWithTrailingArguments("kafka.Kafka", "/data/server.properties");
        try {
            assertThat(System.getProperty("java.class.path")).hasSizeGreaterThan(4096);
            assertThat(CommandLineCheck.matches(process.toHandle(), "kafka.Kafka", "/data/server.properties"))
                    .isTrue();
            assertThat(CommandLineCheck.matches(process.toHandle(), "kafka.Kafka", "/other/server.properties"))
                    .isFalse();
        } finally {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void exitedProcess_matchesNothing() throws Exception {
        Process process = StandInProcess.start("kafka.Kafka");
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);

        assertThat(CommandLineCheck.matches(process.toHandle(), "kafka.Kafka")).isFalse();
    }
}
