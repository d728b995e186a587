package io.reasoner.policy.control;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.reasoner.protocol.Budget;
import io.reasoner.protocol.Priority;

class ControlLawTest {

    private static final double WINDOW_S = 10;
    private static final double CAPACITY = 100;

    private final ControlLaw law = new ControlLaw(ControlParameters.defaults());
    private Map<Priority, TierState> state = Map.of();

    private static TierSignals arrivals(double thinking, double answer) {
        return new TierSignals(1, thinking, answer, 0, 0, 0, Double.NaN, Double.NaN);
    }

    private static TierSignals withP95(TierSignals signals, double p95Seconds) {
        return new TierSignals(signals.arrivals(), signals.arrivedThinkingTokens(), signals.arrivedAnswerTokens(),
                signals.backlogThinkingTokens(), signals.backlogAnswerTokens(), 1, p95Seconds, Double.NaN);
    }

    private static PlatformSignals platform(TierSignals interactive, TierSignals batch, double utilization) {
        Map<Priority, TierSignals> tiers = new EnumMap<>(Priority.class);
        tiers.put(Priority.INTERACTIVE, interactive);
        tiers.put(Priority.BATCH, batch);
        return new PlatformSignals(tiers, CAPACITY, utilization, WINDOW_S);
    }

    private Map<Priority, TierDecision> step(PlatformSignals signals) {
        ControlLaw.Step step = law.step(state, signals);
        state = step.state();
        return step.decisions();
    }

    private double multiplier(Priority tier) {
        return state.getOrDefault(tier, TierState.INITIAL).multiplier();
    }

    @Test
    void steadyLoadWithinTarget_keepsBudgetsAsRequested() {
        // 400 tokens per 10 s window on 100 tokens/s: an expected wait of 4 s against a target of 10 s.
        for (int window = 0; window < 20; window++) {
            Map<Priority, TierDecision> decisions = step(platform(arrivals(300, 100), arrivals(200, 100), 0.7));

            assertThat(decisions.get(Priority.INTERACTIVE).multiplier()).isEqualTo(1.0);
            assertThat(decisions.get(Priority.INTERACTIVE).action()).isEqualTo(Action.HOLD);
            assertThat(decisions.get(Priority.INTERACTIVE).extensionsAllowed()).isEqualTo(Budget.MAX_EXTENSIONS);
            assertThat(decisions.get(Priority.BATCH).multiplier()).isEqualTo(1.0);
        }
    }

    @Test
    void burstBeyondTheWholeSlo_shrinksToTheNeededMultiplierAtOnce() {
        // 3000 thinking + 400 answer tokens: 34 s of work, beyond the 20 s SLO; the 10 s target leaves room for
        // 0.2 of the thinking, which the floor raises to 0.25.
        TierDecision first = step(platform(arrivals(3000, 400), TierSignals.NONE, 1.0)).get(Priority.INTERACTIVE);

        assertThat(first.action()).isEqualTo(Action.SHRINK);
        assertThat(first.multiplier()).isEqualTo(0.25);
        assertThat(first.extensionsAllowed()).isZero();
        assertThat(first.reason()).contains("expected wait 34.0 s over target 10.0 s, beyond the SLO: cut at once");
        assertThat(first.expectedWaitSeconds()).isCloseTo((400 + 0.25 * 3000) / CAPACITY, within(1e-9));
        assertThat(first.sloHeadroomSeconds()).isCloseTo(20 - 11.5, within(1e-9));
    }

    @Test
    void burstWithinTheSlo_shrinksAtMostHalvingPerWindow() {
        // 1600 thinking + 300 answer tokens: 19 s, over the 10 s target but within the SLO; the target needs
        // (1000 - 300) / 1600 = 0.44, reached in two windows.
        TierSignals burst = arrivals(1600, 300);

        TierDecision first = step(platform(burst, TierSignals.NONE, 1.0)).get(Priority.INTERACTIVE);
        TierDecision second = step(platform(burst, TierSignals.NONE, 1.0)).get(Priority.INTERACTIVE);

        assertThat(first.action()).isEqualTo(Action.SHRINK);
        assertThat(first.multiplier()).isEqualTo(0.5);
        assertThat(first.reason()).doesNotContain("at once");
        assertThat(second.multiplier()).isCloseTo(700.0 / 1600, within(1e-9));
    }

    @Test
    void shrink_stopsWhereTheTargetIsMet_notAtTheFloor() {
        // 1500 thinking + 100 answer: 16 s; 10 s needs (1000 - 100) / 1500 = 0.6.
        Map<Priority, TierDecision> decisions = step(platform(arrivals(1500, 100), TierSignals.NONE, 1.0));

        assertThat(decisions.get(Priority.INTERACTIVE).multiplier()).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void recovery_growsBackToExactlyAsRequested_afterCalmWindows_inBoundedSteps() {
        step(platform(arrivals(3000, 400), TierSignals.NONE, 1.0));
        step(platform(arrivals(3000, 400), TierSignals.NONE, 1.0));
        assertThat(multiplier(Priority.INTERACTIVE)).isEqualTo(0.25);

        List<Double> path = new ArrayList<>();
        for (int window = 0; window < 10; window++) {
            path.add(step(platform(arrivals(300, 100), TierSignals.NONE, 0.6)).get(Priority.INTERACTIVE)
                    .multiplier());
        }

        // The first calm window holds; the demand estimate then decays by 0.3 of the gap a window, and the
        // multiplier follows it up (at most +0.25 a window) to exactly 1.0, and no further.
        assertThat(path.get(0)).isEqualTo(0.25);
        assertThat(path).isSorted();
        assertThat(path.indexOf(1.0)).isBetween(3, 6);
        assertThat(path.subList(path.indexOf(1.0), path.size())).containsOnly(1.0);
        for (int i = 1; i < path.size(); i++) {
            assertThat(path.get(i) - path.get(i - 1)).isLessThanOrEqualTo(0.25 + 1e-9);
        }
    }

    @Test
    void interactiveAtRisk_cutsBatchToItsFloorFirst_thenInteractive() {
        // Interactive: 1200 + 100 tokens, 13 s against a 10 s target (within its 20 s SLO: no emergency).
        TierSignals interactive = arrivals(1200, 100);
        TierSignals batch = arrivals(2000, 200);

        Map<Priority, TierDecision> first = step(platform(interactive, batch, 1.0));
        assertThat(first.get(Priority.INTERACTIVE).action()).isEqualTo(Action.YIELD);
        assertThat(first.get(Priority.INTERACTIVE).multiplier()).isEqualTo(1.0);
        assertThat(first.get(Priority.BATCH).action()).isEqualTo(Action.PROTECT);
        assertThat(first.get(Priority.BATCH).multiplier()).isEqualTo(0.1);

        Map<Priority, TierDecision> second = step(platform(interactive, batch, 1.0));
        assertThat(second.get(Priority.INTERACTIVE).action()).isEqualTo(Action.SHRINK);
        assertThat(second.get(Priority.INTERACTIVE).multiplier()).isCloseTo(0.75, within(1e-9));
        assertThat(second.get(Priority.BATCH).multiplier()).isEqualTo(0.1);
    }

    @Test
    void batch_growsBackOnlyOnceInteractiveHasAllItAskedFor() {
        state = Map.of(Priority.INTERACTIVE, new TierState(0.5, 0, 1000, 400),
                Priority.BATCH, new TierState(0.1, 0, 100, 10));
        List<Double> batch = new ArrayList<>();
        List<Double> interactive = new ArrayList<>();
        for (int window = 0; window < 8; window++) {
            // Interactive at 0.5 is in the hold band (9 s); batch alone would have room to grow.
            Map<Priority, TierDecision> decisions = step(platform(arrivals(1000, 400), arrivals(100, 10), 1.0));
            interactive.add(decisions.get(Priority.INTERACTIVE).multiplier());
            batch.add(decisions.get(Priority.BATCH).multiplier());
        }

        assertThat(interactive).containsOnly(0.5);
        assertThat(batch).containsOnly(0.1);

        for (int window = 0; window < 8; window++) {
            step(platform(arrivals(100, 40), arrivals(100, 10), 1.0));
        }
        assertThat(multiplier(Priority.INTERACTIVE)).isEqualTo(1.0);
        assertThat(multiplier(Priority.BATCH)).isGreaterThan(0.1);
    }

    @Test
    void batchOverload_shrinksBatchOnly() {
        // Batch: 30000 + 1000 tokens, 310 s against its 120 s target; interactive is light.
        for (int window = 0; window < 5; window++) {
            step(platform(arrivals(300, 100), arrivals(30_000, 1000), 1.0));
        }

        assertThat(multiplier(Priority.INTERACTIVE)).isEqualTo(1.0);
        assertThat(multiplier(Priority.BATCH)).isLessThan(0.5);
    }

    @Test
    void observedP95OverTheSlo_shrinksInteractiveAtOnce_evenWhileBatchCouldYield() {
        TierSignals light = withP95(arrivals(300, 100), 25);

        TierDecision decision = step(platform(light, arrivals(2000, 200), 1.0)).get(Priority.INTERACTIVE);

        assertThat(decision.action()).isEqualTo(Action.SHRINK);
        assertThat(decision.multiplier()).isEqualTo(0.5);
        assertThat(decision.reason()).contains("observed p95 25.0 s over the SLO 20.0 s");
        assertThat(decision.sloHeadroomSeconds()).isCloseTo(-5, within(1e-9));
    }

    @Test
    void extremeOverload_neverGoesBelowTheFloors() {
        for (int window = 0; window < 10; window++) {
            step(platform(arrivals(100_000, 5000), arrivals(100_000, 5000), 1.0));
        }

        assertThat(multiplier(Priority.INTERACTIVE)).isEqualTo(0.25);
        assertThat(multiplier(Priority.BATCH)).isEqualTo(0.1);
    }

    @Test
    void waitBetweenTheGrowAndShrinkThresholds_holds() {
        // At 0.5 with 1000 thinking + 400 answer tokens a window: 9 s, between 8 s (grow) and 10 s (shrink).
        state = Map.of(Priority.INTERACTIVE, new TierState(0.5, 5, 1000, 400));
        for (int window = 0; window < 10; window++) {
            TierDecision decision = step(platform(arrivals(1000, 400), TierSignals.NONE, 1.0))
                    .get(Priority.INTERACTIVE);

            assertThat(decision.multiplier()).isEqualTo(0.5);
            assertThat(decision.action()).isEqualTo(Action.HOLD);
            assertThat(decision.expectedWaitSeconds()).isCloseTo(9.0, within(1e-9));
        }
    }

    @Test
    void oneQuietWindowInBusyLoad_doesNotGrowBudgets() {
        state = Map.of(Priority.INTERACTIVE, new TierState(0.5, 0, 1000, 400));

        TierDecision quiet = step(platform(arrivals(100, 40), TierSignals.NONE, 1.0)).get(Priority.INTERACTIVE);

        // The estimate falls only to 1000 - 0.3 x 900 = 730 thinking, 400 - 0.3 x 360 = 292 answer tokens.
        assertThat(quiet.expectedWaitSeconds()).isCloseTo((292 + 0.5 * 730) / CAPACITY, within(1e-9));
        assertThat(quiet.multiplier()).isEqualTo(0.5);
    }

    @Test
    void idleCapacity_boostsBatchUpToItsMaximum_withExtraExtensions_butNotInteractive() {
        List<Double> path = new ArrayList<>();
        TierDecision last = null;
        for (int window = 0; window < 6; window++) {
            Map<Priority, TierDecision> decisions = step(platform(arrivals(100, 50), arrivals(100, 50), 0.1));
            last = decisions.get(Priority.BATCH);
            path.add(last.multiplier());
            assertThat(decisions.get(Priority.INTERACTIVE).multiplier()).isEqualTo(1.0);
        }

        assertThat(path).containsExactly(1.0, 1.25, 1.5, 1.5, 1.5, 1.5);
        assertThat(last.action()).isEqualTo(Action.HOLD);
        assertThat(last.extraExtensions()).isEqualTo(2);

        TierDecision busy = step(platform(arrivals(100, 50), arrivals(100, 50), 0.9)).get(Priority.BATCH);
        assertThat(busy.multiplier()).isEqualTo(1.0);
        assertThat(busy.extraExtensions()).isZero();
        assertThat(busy.reason()).contains("capacity no longer idle");
    }

    @Test
    void unknownCapacity_holdsEverything() {
        step(platform(arrivals(3000, 400), TierSignals.NONE, 1.0));
        Map<Priority, TierSignals> tiers = Map.of(Priority.INTERACTIVE, arrivals(3000, 400));

        ControlLaw.Step blind = law.step(state, new PlatformSignals(tiers, 0, 0, WINDOW_S));

        assertThat(blind.decisions().get(Priority.INTERACTIVE).action()).isEqualTo(Action.BLIND);
        assertThat(blind.state()).isEqualTo(state);
    }

    @Test
    void constantOverload_inClosedLoop_settlesWithoutOscillating() {
        // A FIFO queue served at CAPACITY tokens/s; 20 requests of 200 thinking + 20 answer tokens arrive per
        // window: 4400 tokens against 1000 a window as requested, 1200 at the floor of 0.25.
        QueuePlant plant = new QueuePlant(CAPACITY * WINDOW_S);
        List<Double> path = new ArrayList<>();
        for (int window = 0; window < 60; window++) {
            TierSignals signals = plant.window(20, 200, 20, multiplier(Priority.INTERACTIVE));
            path.add(step(platform(signals, TierSignals.NONE, 1.0)).get(Priority.INTERACTIVE).multiplier());
        }

        assertThat(directionChanges(path)).isLessThanOrEqualTo(1);
        assertThat(path.subList(10, 60)).containsOnly(path.get(59));
        assertThat(path.get(59)).isEqualTo(0.25);
    }

    @Test
    void overloadJustAboveCapacity_inClosedLoop_settlesWithoutOscillating() {
        // 10 requests of 100 + 20 tokens per window: 1200 tokens as requested against 1000 served; 0.8 would do.
        QueuePlant plant = new QueuePlant(CAPACITY * WINDOW_S);
        List<Double> path = new ArrayList<>();
        for (int window = 0; window < 80; window++) {
            TierSignals signals = plant.window(10, 100, 20, multiplier(Priority.INTERACTIVE));
            path.add(step(platform(signals, TierSignals.NONE, 1.0)).get(Priority.INTERACTIVE).multiplier());
        }

        assertThat(directionChanges(path)).as("path %s", path).isLessThanOrEqualTo(2);
        assertThat(path.subList(40, 80)).containsOnly(path.get(79));
        assertThat(path.get(79)).isBetween(0.25, 1.0);
    }

    @Test
    void noisyLoadAroundTheTarget_changesTheMultiplierRarely_andFarLessThanWithoutHysteresis() {
        ControlParameters defaults = ControlParameters.defaults();
        ControlParameters twitchy = new ControlParameters(defaults.tiers(), 0.0, 0.0, 0.05, 4.0, 0, 0.8, 0.5, 1.0);

        List<Double> calm = underNoise(new ControlLaw(defaults));
        List<Double> jumpy = underNoise(new ControlLaw(twitchy));

        assertThat(changes(calm)).as("path %s", calm).isLessThanOrEqualTo(20);
        assertThat(changes(calm.subList(100, 200))).as("path %s", calm).isLessThanOrEqualTo(2);
        assertThat(changes(jumpy)).isGreaterThan(5 * changes(calm));
    }

    /** 200 windows of 8 to 14 requests of 100 + 20 tokens (seeded): 960 to 1680 tokens against 1000 served. */
    private static List<Double> underNoise(ControlLaw law) {
        java.util.random.RandomGenerator random = new java.util.Random(7);
        QueuePlant plant = new QueuePlant(CAPACITY * WINDOW_S);
        Map<Priority, TierState> state = Map.of();
        List<Double> path = new ArrayList<>();
        for (int window = 0; window < 200; window++) {
            double before = state.getOrDefault(Priority.INTERACTIVE, TierState.INITIAL).multiplier();
            TierSignals signals = plant.window(8 + random.nextInt(7), 100, 20, before);
            state = law.step(state, platform(signals, TierSignals.NONE, 1.0)).state();
            path.add(state.get(Priority.INTERACTIVE).multiplier());
        }
        return path;
    }

    private static int changes(List<Double> path) {
        int changes = 0;
        for (int i = 1; i < path.size(); i++) {
            changes += path.get(i).equals(path.get(i - 1)) ? 0 : 1;
        }
        return changes;
    }

    @Test
    void parameters_outOfRange_areRejectedNamingTheValueAndRange() {
        assertThatThrownBy(() -> new TierParameters(20.0, 10, 0, 32, 1.0, 100, 4, 0))
                .hasMessage("floorMultiplier must be in [0.01, 1.0], was 0.0");
        assertThatThrownBy(() -> new TierParameters(null, 10, 0.5, 200, 1.0, 100, 4, 0))
                .hasMessage("floorThinkingTokens must be in [0, 100], was 200");
    }

    private static int directionChanges(List<Double> path) {
        int changes = 0;
        double lastDelta = 0;
        for (int i = 1; i < path.size(); i++) {
            double delta = path.get(i) - path.get(i - 1);
            if (delta != 0) {
                if (lastDelta != 0 && Math.signum(delta) != Math.signum(lastDelta)) {
                    changes++;
                }
                lastDelta = delta;
            }
        }
        return changes;
    }

    /**
     * The environment, not the controller: a FIFO queue of requests, each granted the multiplier in force when it
     * arrives, served at a fixed number of tokens per window. Reports what the topology would measure.
     */
    private static final class QueuePlant {
        private final double tokensPerWindow;
        private final java.util.ArrayDeque<double[]> queue = new java.util.ArrayDeque<>();

        QueuePlant(double tokensPerWindow) {
            this.tokensPerWindow = tokensPerWindow;
        }

        /** Outstanding requested tokens at the window's start, this window's arrivals, then a window of service. */
        TierSignals window(int arrivals, int thinking, int answer, double multiplier) {
            double backlogThinking = 0;
            double backlogAnswer = 0;
            for (double[] request : queue) {
                backlogThinking += request[0];
                backlogAnswer += request[1];
            }
            for (int i = 0; i < arrivals; i++) {
                // requested thinking, requested answer, tokens left to decode
                queue.add(new double[] {thinking, answer, Math.round(thinking * multiplier) + answer});
            }
            double budget = tokensPerWindow;
            while (!queue.isEmpty() && budget > 0) {
                double[] head = queue.peek();
                double served = Math.min(budget, head[2]);
                head[2] -= served;
                budget -= served;
                if (head[2] <= 0) {
                    queue.poll();
                }
            }
            return new TierSignals(arrivals, (double) arrivals * thinking, (double) arrivals * answer,
                    backlogThinking, backlogAnswer, 0, Double.NaN, Double.NaN);
        }
    }
}
