package io.reasoner.s1mini.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class MetricsTest {

    private static SettingResult point(double tokens, double accuracy, double control) {
        return new SettingResult("m", "cap", "x", 0, 0, "Wait", 10, accuracy, tokens, control);
    }

    @Test
    void scaling_isTheAverageSlopeOverAllPairs_controlIsTheShareWithinBudget_performanceTheBest() {
        List<SettingResult> points = List.of(point(0, 0.1, 1.0), point(10, 0.3, 1.0), point(20, 0.2, 0.5));

        Metrics metrics = Metrics.of("m", "cap", points);

        // slopes: (0.3-0.1)/10 = 0.02, (0.2-0.1)/20 = 0.005, (0.2-0.3)/10 = -0.01; mean 0.005
        assertThat(metrics.scaling()).isCloseTo(0.005, within(1e-12));
        assertThat(metrics.control()).isCloseTo(2.5 / 3, within(1e-12));
        assertThat(metrics.performance()).isEqualTo(0.3);
    }

    @Test
    void settingsWithEqualThinking_addNoSlope() {
        Metrics metrics = Metrics.of("m", "cap", List.of(point(5, 0.1, 1), point(5, 0.9, 1)));

        assertThat(metrics.scaling()).isZero();
    }

    @Test
    void capGrid_hasSevenPointsFromZeroToTheGenerousCap() {
        assertThat(EvalSetting.caps(256)).containsExactly(0, 8, 16, 32, 64, 128, 256);
        assertThat(EvalSetting.grid(256, 2)).extracting(EvalSetting::label).contains("Wait x6", "Hmm x2",
                "Alternatively x2", "none");
    }
}
