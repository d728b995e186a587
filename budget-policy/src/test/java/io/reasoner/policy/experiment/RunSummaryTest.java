package io.reasoner.policy.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class RunSummaryTest {

    @Test
    void summary_percentilesOverCompleted_sloShareOverAllSent_meansOverCompleted() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            // 1 s … 20 s; granted 100 thinking tokens except the last, granted 300.
            outcomes.add(new Outcome(i * 1000L, i == 20 ? 300 : 100, 50, true));
        }
        outcomes.add(new Outcome(300_000, 0, 0, false));
        outcomes.add(new Outcome(25_000, 0, 0, false));

        RunSummary summary = RunSummary.of("B", 2.0, 1.5, outcomes, 15);

        assertThat(summary.sent()).isEqualTo(22);
        assertThat(summary.completed()).isEqualTo(20);
        assertThat(summary.p50Seconds()).isEqualTo(10.0);
        assertThat(summary.p95Seconds()).isEqualTo(19.0);
        assertThat(summary.meanGrantedThinkingTokens()).isEqualTo(110.0);
        assertThat(summary.sloShare()).isEqualTo(15.0 / 22);
        assertThat(summary.csv()).isEqualTo("B,2.00,1.500,22,20,10.000,19.000,110.0,50.0,0.682");
    }

    @Test
    void noCompletions_giveNaNs_notZeros() {
        RunSummary summary = RunSummary.of("A", 1, 1, List.of(new Outcome(1, 0, 0, false)), 20);

        assertThat(summary.p95Seconds()).isNaN();
        assertThat(summary.meanGrantedThinkingTokens()).isNaN();
        assertThat(summary.sloShare()).isZero();
    }
}
