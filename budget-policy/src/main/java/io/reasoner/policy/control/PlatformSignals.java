package io.reasoner.policy.control;

import java.util.Map;

import io.reasoner.protocol.Priority;

/**
 * One window's inputs to the control law.
 *
 * @param tiers                    per-tier signals; a missing tier had no traffic
 * @param capacityTokensPerSecond  tokens per second the workers can decode with every slot busy; 0 when unknown
 * @param utilization              mean share of busy slots over the window, in [0, 1]
 * @param windowSeconds            the window's length
 */
public record PlatformSignals(
        Map<Priority, TierSignals> tiers,
        double capacityTokensPerSecond,
        double utilization,
        double windowSeconds) {

    public PlatformSignals {
        tiers = Map.copyOf(tiers);
        Bounds.nonNegative("capacityTokensPerSecond", capacityTokensPerSecond);
        Bounds.check("utilization", utilization, 0.0, 1.0);
        Bounds.check("windowSeconds", windowSeconds, 0.001, 86_400);
    }

    public TierSignals tier(Priority tier) {
        return tiers.getOrDefault(tier, TierSignals.NONE);
    }

    /** Requested tokens per second that arrived in the window, for one tier. */
    public double demandTokensPerSecond(Priority tier) {
        TierSignals signals = tier(tier);
        return (signals.arrivedThinkingTokens() + signals.arrivedAnswerTokens()) / windowSeconds;
    }
}
