package io.reasoner.policy.control;

import io.reasoner.protocol.Priority;

/**
 * The controller's output for one tier and window: the policy's values and what they were computed from.
 *
 * @param expectedWaitSeconds work ahead of a new arrival at the new multiplier, over capacity; NaN when capacity
 *                            is unknown
 * @param targetWaitSeconds   the tier's target wait
 * @param sloHeadroomSeconds  the tier's SLO (its target wait when best effort) minus the larger of the expected
 *                            wait and the observed p95 time to answer; negative means the objective is missed
 */
public record TierDecision(
        Priority tier,
        double multiplier,
        int maxThinkingTokens,
        int floorThinkingTokens,
        int extensionsAllowed,
        int extraExtensions,
        Action action,
        String reason,
        double expectedWaitSeconds,
        double targetWaitSeconds,
        double sloHeadroomSeconds) {
}
