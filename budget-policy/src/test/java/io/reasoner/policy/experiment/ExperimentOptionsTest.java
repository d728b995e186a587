package io.reasoner.policy.experiment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;

import org.junit.jupiter.api.Test;

class ExperimentOptionsTest {

    @Test
    void defaults_driveTheLocalPlatformAtHalfOneAndTwiceCapacity() {
        ExperimentCommand.Options options = ExperimentCommand.Options.parse("--api-key=rsk_x");

        assertThat(options.gateway()).hasToString("http://127.0.0.1:8080");
        assertThat(options.policy()).hasToString("http://127.0.0.1:8082");
        assertThat(options.loads()).containsExactly(0.5, 1.0, 2.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(options.requestBody()).isEqualTo("{\"prompt\":\"Once upon a time\",\"priority\":\"interactive\","
                + "\"budget\":{\"maxThinkingTokens\":256,\"minThinkingTokens\":256,\"maxAnswerTokens\":64}}");
    }

    @Test
    void options_areParsed_andNonLoopbackTargetsOrUnknownOptionsRefused() {
        ExperimentCommand.Options options = ExperimentCommand.Options.parse("--api-key=k", "--loads=1,3",
                "--duration=90s", "--priority=batch", "--gateway=http://localhost:9090");
        assertThat(options.loads()).containsExactly(1.0, 3.0);
        assertThat(options.duration()).isEqualTo(Duration.ofSeconds(90));
        assertThat(options.gateway().getPort()).isEqualTo(9090);

        assertThatThrownBy(() -> ExperimentCommand.Options.parse("--api-key=k", "--gateway=http://10.0.0.5:8080"))
                .hasMessage("only http on a loopback address (127.0.0.1) is driven, was http://10.0.0.5:8080");
        assertThatThrownBy(() -> ExperimentCommand.Options.parse("--api-key=k", "--rate=3"))
                .hasMessageStartingWith("unknown option --rate");
        assertThatThrownBy(() -> ExperimentCommand.Options.parse("--loads=1"))
                .hasMessageContaining("--api-key is required");
    }
}
