package io.reasoner.policy.topology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.reasoner.protocol.Budget;
import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.Priority;

/**
 * The topology against a simulated worker (4 slots of 100 tokens/s: 400 tokens/s), in 10 s windows, every record
 * with an explicit timestamp. Each test has its own state directory.
 */
class PolicyTopologyTest {

    private static final int WINDOW_S = 10;

    private static SimulatedPlatform platform(Path stateDir) {
        return new SimulatedPlatform(stateDir, PolicySettings.defaults(), 4, 100);
    }

    private static void run(SimulatedPlatform platform, int seconds, Map<Priority, int[]> arrivalsPerSecond) {
        for (int s = 0; s < seconds; s++) {
            platform.secondOf(arrivalsPerSecond);
        }
    }

    /** 75% busy: interactive 120 and batch 180 tokens/s, well within what 400 tokens/s serves. */
    private static final Map<Priority, int[]> STEADY = Map.of(Priority.INTERACTIVE, new int[] {1, 100, 20},
            Priority.BATCH, new int[] {1, 150, 30});
    /** Interactive at 2200 tokens/s, five times capacity. */
    private static final Map<Priority, int[]> BURST = Map.of(Priority.INTERACTIVE, new int[] {10, 200, 20},
            Priority.BATCH, new int[] {1, 150, 30});

    private static List<Double> multipliers(List<BudgetPolicy> policies) {
        return policies.stream().map(BudgetPolicy::multiplier).toList();
    }

    /** Simulated seconds from the start to when the policy was computed (a window's end, or an override's read). */
    private static long second(BudgetPolicy policy) {
        return (policy.computedAtMs() - SimulatedPlatform.T0.toEpochMilli()) / 1000;
    }

    @Test
    void steadyLoad_leavesBudgetsAsRequested(@TempDir Path stateDir) {
        try (SimulatedPlatform platform = platform(stateDir)) {
            run(platform, 120, STEADY);

            List<BudgetPolicy> policies = platform.published();
            // One policy per tier for every closed window: 0-10 s … 100-110 s (110-120 s is still open).
            assertThat(policies).hasSize(22);
            List<BudgetPolicy> checked = List.copyOf(policies);
            Budget asked = new Budget(100, 10, 2, null, null, 20);
            assertThat(checked).allSatisfy(policy -> {
                assertThat(policy.multiplier()).isEqualTo(1.0);
                assertThat(policy.source()).isEqualTo(BudgetPolicy.Source.CONTROLLER);
                assertThat(policy.reason()).startsWith("hold: expected wait");
                assertThat(policy.apply(asked, policy.computedAtMs())).isEqualTo(asked);
            });
            platform.pipeRaw("requests", "x", new byte[] {1, 2});
            platform.pipeRaw("results", "x", "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            platform.pipeRaw("stats", "x", null);
            run(platform, 10, STEADY);
            assertThat(platform.published()).hasSize(24);
            BudgetPolicy last = platform.latest(Priority.INTERACTIVE);
            assertThat(last.inputs().get("demandTokensPerSecond")).isEqualTo(120.0);
            assertThat(last.inputs().get("capacityTokensPerSecond")).isCloseTo(400.0, within(20.0));
            assertThat(last.inputs().get("p95TimeToAnswerSeconds")).isBetween(1.2, 5.0);
            assertThat(last.expiresAtMs()).isEqualTo(last.computedAtMs() + 60_000);
        }
    }

    @Test
    void burst_shrinksInteractiveBudgetsWithinTwoWindows_toTheFloorWithinThree(@TempDir Path stateDir) {
        try (SimulatedPlatform platform = platform(stateDir)) {
            run(platform, 60, STEADY);
            run(platform, 30, BURST);

            List<BudgetPolicy> burst = platform.published(Priority.INTERACTIVE).stream()
                    .filter(policy -> second(policy) > 60).toList();
            assertThat(second(burst.stream().filter(p -> p.multiplier() < 1.0).findFirst().orElseThrow()))
                    .isLessThanOrEqualTo(60 + 2 * WINDOW_S);
            assertThat(second(burst.stream().filter(p -> p.multiplier() == 0.25).findFirst().orElseThrow()))
                    .isLessThanOrEqualTo(60 + 3 * WINDOW_S);
            assertThat(multipliers(burst)).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            BudgetPolicy shrunk = platform.latest(Priority.INTERACTIVE);
            assertThat(shrunk.extensionsAllowed()).isZero();
            // A request for 200 thinking tokens is granted 50; one for 20 keeps its 20 (floor 32 > 20).
            assertThat(shrunk.apply(Budget.of(200, 20), shrunk.computedAtMs()).maxThinkingTokens()).isEqualTo(50);
            assertThat(shrunk.apply(Budget.of(20, 20), shrunk.computedAtMs()).maxThinkingTokens()).isEqualTo(20);
        }
    }

    @Test
    void recoveryAfterABurst_restoresRequestedBudgets_interactiveFirst(@TempDir Path stateDir) {
        try (SimulatedPlatform platform = platform(stateDir)) {
            run(platform, 60, STEADY);
            run(platform, 20, BURST);
            run(platform, 240, STEADY);

            List<BudgetPolicy> interactive = platform.published(Priority.INTERACTIVE);
            List<BudgetPolicy> batch = platform.published(Priority.BATCH);
            long interactiveBack = firstSecondFromWhichAlways(interactive, 1.0);
            long batchBack = firstSecondFromWhichAlways(batch, 1.0);
            assertThat(interactiveBack).isBetween(80L + WINDOW_S, 80L + 15 * WINDOW_S);
            assertThat(batchBack).isGreaterThanOrEqualTo(interactiveBack).isLessThanOrEqualTo(80L + 20 * WINDOW_S);
            Budget asked = Budget.of(100, 20);
            assertThat(platform.latest(Priority.INTERACTIVE).apply(asked, platform.nowMs())).isEqualTo(asked);
        }
    }

    @Test
    void interactiveAtRisk_cutsBatchFirst_andBatchDoesNotGrowWhileInteractiveIsCut(@TempDir Path stateDir) {
        try (SimulatedPlatform platform = platform(stateDir)) {
            run(platform, 30, STEADY);
            // Batch alone overloads the worker (850 tokens/s); interactive is served first and stays comfortable.
            run(platform, 90, Map.of(Priority.INTERACTIVE, new int[] {1, 100, 20}, Priority.BATCH,
                    new int[] {1, 800, 50}));
            List<BudgetPolicy> batchOnly = platform.published();
            assertThat(batchOnly).filteredOn(p -> p.tier() == Priority.INTERACTIVE)
                    .extracting(BudgetPolicy::multiplier).containsOnly(1.0);
            assertThat(platform.latest(Priority.BATCH).multiplier()).isLessThan(1.0);

            // Now interactive too exceeds capacity (440 tokens/s).
            run(platform, 60, Map.of(Priority.INTERACTIVE, new int[] {2, 200, 20}, Priority.BATCH,
                    new int[] {1, 800, 50}));

            List<BudgetPolicy> interactive = platform.published(Priority.INTERACTIVE);
            List<BudgetPolicy> batch = platform.published(Priority.BATCH);
            assertThat(interactive).hasSameSizeAs(batch);
            int firstCut = -1;
            for (int i = 0; i < interactive.size(); i++) {
                assertThat(interactive.get(i).multiplier()).isGreaterThanOrEqualTo(batch.get(i).multiplier());
                if (firstCut < 0 && interactive.get(i).multiplier() < 1.0) {
                    firstCut = i;
                }
                if (i > 0 && interactive.get(i).multiplier() < 1.0) {
                    assertThat(batch.get(i).multiplier()).isLessThanOrEqualTo(batch.get(i - 1).multiplier());
                }
            }
            assertThat(firstCut).isPositive();
            assertThat(batch.get(firstCut - 1).multiplier()).isEqualTo(0.1);
            assertThat(interactive.get(firstCut - 1).reason()).startsWith("yield:");
            assertThat(batch.get(firstCut - 1).reason()).startsWith("protect:");
        }
    }

    @Test
    void constantOverload_settlesWithoutOscillating(@TempDir Path stateDir) {
        try (SimulatedPlatform platform = platform(stateDir)) {
            // 660 tokens/s asked of 400: thinking must come down to about half for the queue to stay short.
            run(platform, 300, Map.of(Priority.INTERACTIVE, new int[] {3, 200, 20}));

            List<Double> path = multipliers(platform.published(Priority.INTERACTIVE));
            assertThat(directionChanges(path)).as("path %s", path).isLessThanOrEqualTo(1);
            assertThat(path.subList(path.size() - 15, path.size())).as("path %s", path)
                    .containsOnly(path.get(path.size() - 1));
            assertThat(path.get(path.size() - 1)).isBetween(0.25, 0.6);
            assertThat(platform.latest(Priority.INTERACTIVE).inputs().get("expectedWaitSeconds"))
                    .isLessThanOrEqualTo(10.0);
        }
    }

    @Test
    void override_winsFromTheMomentItIsRead_untilItExpires_thenTheControllerResumes(@TempDir Path stateDir) {
        Map<Priority, int[]> overload = Map.of(Priority.INTERACTIVE, new int[] {3, 200, 20}, Priority.BATCH,
                new int[] {1, 50, 10});
        try (SimulatedPlatform platform = platform(stateDir)) {
            run(platform, 30, overload);
            long setAt = platform.nowMs();
            platform.override(Priority.INTERACTIVE, new PolicyOverride(512, 1.0, 0, "incident 42", setAt,
                    setAt + 65_000));

            BudgetPolicy immediate = platform.latest(Priority.INTERACTIVE);
            assertThat(immediate.source()).isEqualTo(BudgetPolicy.Source.OVERRIDE);
            assertThat(immediate.computedAtMs()).isEqualTo(setAt);
            assertThat(immediate.expiresAtMs()).isEqualTo(setAt + 65_000);
            assertThat(immediate.reason()).contains("incident 42");

            run(platform, 120, overload);

            List<BudgetPolicy> interactive = platform.published(Priority.INTERACTIVE);
            List<BudgetPolicy> during = interactive.stream().filter(p -> second(p) >= 30 && second(p) < 95).toList();
            List<BudgetPolicy> after = interactive.stream().filter(p -> second(p) >= 95).toList();
            // The one published on reading it, then one per window ending at 30 s, 40 s, … 90 s.
            assertThat(during).hasSize(8).allSatisfy(policy -> {
                assertThat(policy.source()).isEqualTo(BudgetPolicy.Source.OVERRIDE);
                assertThat(policy.apply(Budget.of(200, 20), policy.computedAtMs()).maxThinkingTokens())
                        .isEqualTo(200);
                assertThat(policy.apply(Budget.of(900, 20), policy.computedAtMs()).maxThinkingTokens())
                        .isEqualTo(512);
            });
            // The controller kept wanting less all along; the override won.
            assertThat(during.get(during.size() - 1).inputs().get("controllerMultiplier")).isLessThan(1.0);
            assertThat(after).isNotEmpty().allSatisfy(policy -> {
                assertThat(policy.source()).isEqualTo(BudgetPolicy.Source.CONTROLLER);
                assertThat(policy.multiplier()).isLessThan(1.0);
            });
            assertThat(platform.published(Priority.BATCH)).extracting(BudgetPolicy::source)
                    .containsOnly(BudgetPolicy.Source.CONTROLLER);
        }
    }

    @Test
    void clearingAnOverride_republishesTheControllersPolicyAtOnce(@TempDir Path stateDir) {
        try (SimulatedPlatform platform = platform(stateDir)) {
            run(platform, 30, STEADY);
            long now = platform.nowMs();
            platform.override(Priority.BATCH, new PolicyOverride(8, 1.0, 0, null, now, now + 600_000));
            run(platform, 20, STEADY);
            assertThat(platform.latest(Priority.BATCH).source()).isEqualTo(BudgetPolicy.Source.OVERRIDE);

            platform.override(Priority.BATCH, null);

            BudgetPolicy cleared = platform.latest(Priority.BATCH);
            assertThat(cleared.source()).isEqualTo(BudgetPolicy.Source.CONTROLLER);
            assertThat(cleared.multiplier()).isEqualTo(1.0);
            // The controller's policy of the last closed window (30-40 s; the one ending at 50 s closes with the
            // next record), published again as it was computed.
            assertThat(cleared.computedAtMs()).isEqualTo(SimulatedPlatform.T0.toEpochMilli() + 40_000);
        }
    }

    @Test
    void anOverrideAlreadyExpiredWhenRead_isIgnored(@TempDir Path stateDir) {
        try (SimulatedPlatform platform = platform(stateDir)) {
            run(platform, 30, STEADY);
            int before = platform.published().size();
            long now = platform.nowMs();

            platform.override(Priority.INTERACTIVE, new PolicyOverride(8, 1.0, 0, null, now - 20_000, now - 1));

            assertThat(platform.published()).hasSize(before);
            assertThat(platform.latest(Priority.INTERACTIVE).source()).isEqualTo(BudgetPolicy.Source.CONTROLLER);
        }
    }

    private static long firstSecondFromWhichAlways(List<BudgetPolicy> policies, double multiplier) {
        long from = -1;
        for (BudgetPolicy policy : policies) {
            if (policy.multiplier() != multiplier) {
                from = -1;
            } else if (from < 0) {
                from = second(policy);
            }
        }
        return from;
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
}
