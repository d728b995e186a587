package io.reasoner.policy.experiment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.reasoner.protocol.Priority;

class RunSummaryTest {

    @Test
    void summary_percentilesOverCompleted_sloShareOverAllSent_meansOverCompleted_ofItsTierOnly() {
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            // 1 s … 20 s; granted 100 thinking tokens except the last, granted 300.
            outcomes.add(new Outcome(Priority.INTERACTIVE, i * 100L, i * 1000L, i == 20 ? 300 : 100, 50,
                    Outcome.Status.DONE));
        }
        outcomes.add(Outcome.ended(Priority.INTERACTIVE, 5, 300_000, Outcome.Status.TIMED_OUT));
        outcomes.add(Outcome.ended(Priority.INTERACTIVE, 6, 25, Outcome.Status.REJECTED));
        outcomes.add(new Outcome(Priority.BATCH, 7, 1000, 999, 999, Outcome.Status.DONE));

        RunSummary summary = RunSummary.of("B", 2.0, Priority.INTERACTIVE, 11, outcomes, 15);

        assertThat(summary.sent()).isEqualTo(22);
        assertThat(summary.requestsPerSecond()).isEqualTo(2.0);
        assertThat(summary.rejected()).isEqualTo(1);
        assertThat(summary.completed()).isEqualTo(20);
        assertThat(summary.p50Seconds()).isEqualTo(10.0);
        assertThat(summary.p95Seconds()).isEqualTo(19.0);
        assertThat(summary.meanGrantedThinkingTokens()).isEqualTo(110.0);
        assertThat(summary.sloShare()).isEqualTo(15.0 / 22);
        assertThat(summary.csv()).isEqualTo("B,2.00,interactive,2.000,22,1,20,10.000,19.000,110.0,50.0,0.682");
    }

    @Test
    void aBestEffortTier_hasNoSloShare_andNoCompletionsGiveNaNs_notZeros() {
        List<Outcome> outcomes = List.of(Outcome.ended(Priority.BATCH, 0, 1, Outcome.Status.FAILED));

        RunSummary batch = RunSummary.of("A", 1, Priority.BATCH, 60, outcomes, Double.NaN);
        RunSummary interactive = RunSummary.of("A", 1, Priority.INTERACTIVE, 60, outcomes, 20);

        assertThat(batch.sent()).isEqualTo(1);
        assertThat(batch.p95Seconds()).isNaN();
        assertThat(batch.meanGrantedThinkingTokens()).isNaN();
        assertThat(batch.sloShare()).isNaN();
        assertThat(interactive.sent()).isZero();
        assertThat(interactive.sloShare()).isNaN();
    }
}
