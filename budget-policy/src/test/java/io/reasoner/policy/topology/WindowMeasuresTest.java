package io.reasoner.policy.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reasoner.policy.control.TierSignals;
import io.reasoner.protocol.Priority;

class WindowMeasuresTest {

    private static final ControllerMemory FRESH = ControllerMemory.initial(50);

    private static WindowLoad load(LoadSignal... signals) {
        WindowLoad load = WindowLoad.EMPTY;
        for (LoadSignal signal : signals) {
            load = load.add(signal);
        }
        return load;
    }

    @Test
    void capacity_isTheBusySlotSpeedTimesEveryReportingWorkersSlots() {
        WindowLoad load = load(LoadSignal.capacity("w-1", 2, 4, 200), LoadSignal.capacity("w-1", 2, 4, 200),
                LoadSignal.capacity("w-2", 0, 4, 0));

        WindowMeasures measures = WindowMeasures.of(load, FRESH, 10);

        assertThat(measures.perSlotTokensPerSecond()).isEqualTo(100.0);
        assertThat(measures.signals().capacityTokensPerSecond()).isEqualTo(800.0);
        assertThat(measures.signals().utilization()).isCloseTo(4.0 / 12, within(1e-12));
    }

    @Test
    void idleWorkers_keepTheLastMeasuredSpeed_andNoWorkersMeanNoCapacity() {
        ControllerMemory measured = new ControllerMemory(Map.of(), Map.of(), 80, Map.of());

        assertThat(WindowMeasures.of(load(LoadSignal.capacity("w-1", 0, 2, 0)), measured, 10).signals()
                .capacityTokensPerSecond()).isEqualTo(160.0);
        assertThat(WindowMeasures.of(load(LoadSignal.arrival("batch", 10, 10)), measured, 10).signals()
                .capacityTokensPerSecond()).isZero();
    }

    @Test
    void tierSignals_carryArrivalsBacklogAndPercentiles_queueWaitLessDecodingTime() {
        List<LoadSignal> signals = new ArrayList<>();
        signals.add(LoadSignal.capacity("w-1", 1, 1, 100));
        signals.add(LoadSignal.arrival("interactive", 300, 30));
        for (int i = 1; i <= 20; i++) {
            // 200 tokens at 100 tokens/s: 2 s of decoding in each time to answer.
            signals.add(LoadSignal.completion("interactive", 100, 20, 150, 200, i * 1000L));
        }
        ControllerMemory backlog = new ControllerMemory(Map.of(),
                Map.of("interactive", new ControllerMemory.Backlog(4000, 500)), 50, Map.of());

        WindowMeasures measures = WindowMeasures.of(load(signals.toArray(LoadSignal[]::new)), backlog, 10);

        TierSignals interactive = measures.signals().tier(Priority.INTERACTIVE);
        assertThat(interactive.arrivedThinkingTokens()).isEqualTo(300);
        assertThat(interactive.backlogThinkingTokens()).isEqualTo(4000);
        assertThat(interactive.completions()).isEqualTo(20);
        assertThat(interactive.p95TimeToAnswerSeconds()).isEqualTo(19.0);
        assertThat(interactive.p95QueueWaitSeconds()).isEqualTo(17.0);
        assertThat(measures.meanThinkingUsed()).containsEntry(Priority.INTERACTIVE, 150.0);
        assertThat(measures.signals().tier(Priority.BATCH).p95TimeToAnswerSeconds()).isNaN();

        ControllerMemory.Backlog after = WindowMeasures.backlogAfter(new ControllerMemory.Backlog(4000, 500),
                load(signals.toArray(LoadSignal[]::new)).tiers().get("interactive"));
        // 4000 + 300 - 20 x 100 thinking; 500 + 30 - 20 x 20 answer.
        assertThat(after).isEqualTo(new ControllerMemory.Backlog(2300, 130));
    }

    @Test
    void backlog_neverGoesNegative() {
        WindowLoad completedOnly = load(LoadSignal.completion("batch", 100, 20, 10, 30, 500));

        assertThat(WindowMeasures.backlogAfter(new ControllerMemory.Backlog(0, 0),
                completedOnly.tiers().get("batch"))).isEqualTo(new ControllerMemory.Backlog(0, 0));
    }
}
