package io.reasoner.s1mini.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TrainingConfigTest {

    @Test
    void learningRate_warmsUpLinearly_thenFollowsACosineDownToATenth() {
        TrainingConfig config = new TrainingConfig(110, 4, 1e-3f, 10, 0f, 1f, 1);

        assertThat(config.learningRateAt(0)).isCloseTo(1e-4f, within(1e-9f));
        assertThat(config.learningRateAt(9)).isCloseTo(1e-3f, within(1e-9f));
        assertThat(config.learningRateAt(60)).isCloseTo(0.55e-3f, within(1e-8f));
        assertThat(config.learningRateAt(110)).isCloseTo(1e-4f, within(1e-9f));
    }

    @Test
    void warmupLongerThanTraining_isRejected() {
        assertThatThrownBy(() -> new TrainingConfig(10, 4, 1e-3f, 11, 0f, 1f, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("warmupSteps must be in [0, 10], was 11");
    }
}
