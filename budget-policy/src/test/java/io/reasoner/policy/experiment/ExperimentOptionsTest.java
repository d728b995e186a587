package io.reasoner.policy.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.reasoner.protocol.Priority;

class ExperimentOptionsTest {

    @Test
    void defaults_driveTheLocalPlatformAtHalfOneAndTwiceCapacity_forThreeMinutes_aQuarterBatch() {
        ExperimentCommand.Options options = ExperimentCommand.Options.parse("--api-key=rsk_x");

        assertThat(options.gateway()).hasToString("http://127.0.0.1:8080");
        assertThat(options.policy()).hasToString("http://127.0.0.1:8082");
        assertThat(options.loads()).containsExactly(0.5, 1.0, 2.0);
        assertThat(options.duration()).isEqualTo(Duration.ofMinutes(3));
        assertThat(options.batchShare()).isEqualTo(0.25);
        assertThat(options.settle()).isEqualTo(Duration.ofMinutes(4));
        assertThat(options.capacityWarmup()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.capacityDuration()).isEqualTo(Duration.ofSeconds(30));
        assertThat(options.requestBody(Priority.INTERACTIVE)).isEqualTo("{\"prompt\":\"Once upon a time\","
                + "\"priority\":\"interactive\","
                + "\"budget\":{\"maxThinkingTokens\":256,\"minThinkingTokens\":256,\"maxAnswerTokens\":64}}");
        assertThat(options.requestBody(Priority.BATCH)).contains("\"priority\":\"batch\"");
    }

    @Test
    void options_areParsed_andNonLoopbackTargetsOrUnknownOptionsRefused() {
        ExperimentCommand.Options options = ExperimentCommand.Options.parse("--api-key=k", "--loads=1,3",
                "--duration=90s", "--batch-share=0", "--gateway=http://localhost:9090");
        assertThat(options.loads()).containsExactly(1.0, 3.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.gateway().getPort()).isEqualTo(9090);
        assertThat(options.batchShare()).isZero();

        assertThatThrownBy(() -> ExperimentCommand.Options.parse("--api-key=k", "--gateway=http://10.0.0.5:8080"))
                .hasMessage("only http on a loopback address (127.0.0.1) is driven, was http://10.0.0.5:8080");
        assertThatThrownBy(() -> ExperimentCommand.Options.parse("--api-key=k", "--rate=3"))
                .hasMessageStartingWith("unknown option --rate");
        assertThatThrownBy(() -> ExperimentCommand.Options.parse("--api-key=k", "--batch-share=1.5"))
                .hasMessage("--batch-share must be in [0, 1), was 1.5");
        assertThatThrownBy(() -> ExperimentCommand.Options.parse("--loads=1"))
                .hasMessageContaining("--api-key is required");
    }
}
