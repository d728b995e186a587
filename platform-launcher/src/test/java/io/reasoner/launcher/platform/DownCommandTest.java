package io.reasoner.launcher.platform;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.launcher.RepoLayout;
import io.reasoner.launcher.process.PidFile;
import io.reasoner.launcher.testing.StandInProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DownCommandTest {

    @TempDir
    Path root;

    private RepoLayout layout;
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private Process standIn;

    @BeforeEach
    void layout() {
        layout = new RepoLayout(root);
    }

    @AfterEach
    void killStandIn() throws InterruptedException {
        if (standIn != null) {
            standIn.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }

    @Test
    void down_withNothingRecorded_saysSo_andSucceeds() {
        assertThat(down()).isZero();
        assertThat(out()).contains("Nothing to stop");
    }

    @Test
    void down_stopsRecordedServicesBeforeTheBroker_andRemovesTheirPidFiles() throws Exception {
        Process broker = StandInProcess.start(
                PlatformPlan.commandLineMarkers(layout, PlatformPlan.BROKER_NAME).orElseThrow());
        standIn = StandInProcess.start(PlatformService.GATEWAY.jar(layout).toString());
        try {
            record("kafka", broker.pid());
            record("gateway", standIn.pid());

            assertThat(down()).isZero();

            assertThat(standIn.waitFor(10, TimeUnit.SECONDS)).as(out()).isTrue();
            assertThat(broker.waitFor(10, TimeUnit.SECONDS)).as(out()).isTrue();
            assertThat(out()).containsSubsequence("stopped gateway (pid " + standIn.pid() + ")",
                    "stopped kafka (pid " + broker.pid() + ")");
            try (var files = Files.list(layout.runDir())) {
                assertThat(files).isEmpty();
            }
        } finally {
            broker.destroyForcibly();
        }
    }

    @Test
    void down_leavesAloneAProcessThatReusedTheRecordedPid() throws Exception {
        standIn = StandInProcess.start("some-other-program.jar");
        record("reasoner-worker", standIn.pid());

        assertThat(down()).isZero();

        assertThat(standIn.isAlive()).isTrue();
        assertThat(out()).contains("now belongs to another program; left it alone");
        assertThat(layout.pidFile("reasoner-worker")).doesNotExist();
    }

    @Test
    void down_removesStalePidFiles_andIsIdempotent() throws Exception {
        Process ended = StandInProcess.start(PlatformService.BUDGET_POLICY.jar(layout).toString());
        ended.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        record("budget-policy", ended.pid());

        assertThat(down()).isZero();
        assertThat(down()).isZero();

        assertThat(out()).containsSubsequence("budget-policy (pid " + ended.pid() + ") was not running",
                "Nothing to stop");
    }

    private void record(String name, long pid) {
        new PidFile(layout.pidFile(name)).write(pid);
    }

    private int down() {
        return new DownCommand(layout, new PrintStream(out, true, StandardCharsets.UTF_8)).run();
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
