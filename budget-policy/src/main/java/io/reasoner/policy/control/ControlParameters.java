package io.reasoner.policy.control;

import java.util.EnumMap;
import java.util.Map;

import io.reasoner.protocol.Priority;

/**
 * The controller's tuning: per-tier limits plus the rules that keep it from oscillating.
 *
 * @param tiers                  per-tier limits; every {@link Priority} must have one
 * @param headroom               budgets grow back only to the multiplier whose expected wait is at most
 *                               {@code (1 - headroom) × target}: the gap between shrinking and growing thresholds
 * @param deadband               changes of the multiplier smaller than this are not made
 * @param maxDecreaseFactor      one window may at most multiply the multiplier by this (0.5: halve it)
 * @param growStep               one window may at most add this to the multiplier
 * @param calmWindowsBeforeGrowth windows in a row without a wish to shrink before a tier may grow again
 * @param riskFraction           a tier whose observed p95 time to answer exceeds this share of its SLO is not grown
 * @param idleUtilization        below this share of busy slots, capacity counts as idle (boostable tiers grow
 *                               past what they asked for)
 * @param demandDecay            the share of the gap by which the demand estimate follows a window with fewer
 *                               arrivals (a window with more is followed at once): fast attack, slow release
 */
public record ControlParameters(
        Map<Priority, TierParameters> tiers,
        double headroom,
        double deadband,
        double maxDecreaseFactor,
        double growStep,
        int calmWindowsBeforeGrowth,
        double riskFraction,
        double idleUtilization,
        double demandDecay) {

    public ControlParameters {
        for (Priority tier : Priority.values()) {
            if (tiers == null || !tiers.containsKey(tier)) {
                throw new IllegalArgumentException("tiers must have parameters for " + tier);
            }
        }
        tiers = Map.copyOf(tiers);
        Bounds.check("headroom", headroom, 0.0, 0.9);
        Bounds.check("deadband", deadband, 0.0, 0.5);
        Bounds.check("maxDecreaseFactor", maxDecreaseFactor, 0.05, 1.0);
        Bounds.check("growStep", growStep, 0.01, 4.0);
        Bounds.check("calmWindowsBeforeGrowth", calmWindowsBeforeGrowth, 0, 1_000);
        Bounds.check("riskFraction", riskFraction, 0.1, 1.0);
        Bounds.check("idleUtilization", idleUtilization, 0.0, 1.0);
        Bounds.check("demandDecay", demandDecay, 0.01, 1.0);
    }

    public TierParameters tier(Priority tier) {
        return tiers.get(tier);
    }

    public static ControlParameters defaults() {
        Map<Priority, TierParameters> tiers = new EnumMap<>(Priority.class);
        tiers.put(Priority.INTERACTIVE, TierParameters.interactiveDefaults());
        tiers.put(Priority.BATCH, TierParameters.batchDefaults());
        return new ControlParameters(tiers, 0.2, 0.05, 0.5, 0.25, 2, 0.8, 0.5, 0.3);
    }
}
