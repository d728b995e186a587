package io.reasoner.policy.control;

import io.reasoner.protocol.Budget;

/**
 * What the controller may do to one tier. Times are in seconds, multipliers are factors on requested thinking
 * caps. See {@code docs/budget-policy.md} for the reasoning behind the defaults.
 *
 * @param sloP95Seconds        the tier's objective on the 95th percentile of time to answer, or null for best effort
 * @param targetWaitSeconds    expected queue wait above which the tier's budgets shrink
 * @param floorMultiplier      the multiplier never goes below this, in (0, 1]
 * @param floorThinkingTokens  granted thinking caps never go below this (or the request, if smaller)
 * @param maxMultiplier        the multiplier never goes above this; above 1 only for a tier that may be boosted
 *                             when capacity is idle
 * @param maxThinkingTokens    granted thinking caps never go above this
 * @param maxExtensions        extensions allowed while the tier is not shrunk
 * @param boostExtraExtensions extensions added to each request while the tier is boosted
 */
public record TierParameters(
        Double sloP95Seconds,
        double targetWaitSeconds,
        double floorMultiplier,
        int floorThinkingTokens,
        double maxMultiplier,
        int maxThinkingTokens,
        int maxExtensions,
        int boostExtraExtensions) {

    public TierParameters {
        if (sloP95Seconds != null) {
            Bounds.check("sloP95Seconds", sloP95Seconds, 0.001, 86_400);
        }
        Bounds.check("targetWaitSeconds", targetWaitSeconds, 0.001, 86_400);
        Bounds.check("floorMultiplier", floorMultiplier, 0.01, 1.0);
        Bounds.check("maxMultiplier", maxMultiplier, 1.0, io.reasoner.protocol.BudgetPolicy.MAX_MULTIPLIER);
        Bounds.check("maxThinkingTokens", maxThinkingTokens, 0, Budget.MAX_TOKENS);
        Bounds.check("floorThinkingTokens", floorThinkingTokens, 0, maxThinkingTokens);
        Bounds.check("maxExtensions", maxExtensions, 0, Budget.MAX_EXTENSIONS);
        Bounds.check("boostExtraExtensions", boostExtraExtensions, 0, maxExtensions);
    }

    public boolean boostable() {
        return maxMultiplier > 1.0;
    }

    /** Interactive defaults: p95 time to answer within 20 s, half of it for the queue. */
    public static TierParameters interactiveDefaults() {
        return new TierParameters(20.0, 10.0, 0.25, 32, 1.0, Budget.MAX_TOKENS, Budget.MAX_EXTENSIONS, 0);
    }

    /** Batch defaults: best effort, a two-minute queue before its budgets shrink, boosted up to 1.5x when idle. */
    public static TierParameters batchDefaults() {
        return new TierParameters(null, 120.0, 0.1, 16, 1.5, Budget.MAX_TOKENS, Budget.MAX_EXTENSIONS, 2);
    }
}
