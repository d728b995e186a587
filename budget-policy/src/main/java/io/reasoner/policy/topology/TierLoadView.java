package io.reasoner.policy.topology;

/**
 * One tier's aggregates over the last closed window and what the controller made of them: the value of the
 * {@value PolicyStores#LOAD} store and of {@code GET /load}. Unknown values (no completions, no capacity) are null.
 *
 * @param demandTokensPerSecond   requested tokens (thinking + answer) that arrived, per second
 * @param backlogTokens           requested tokens of requests on the books when the window opened
 * @param capacityTokensPerSecond what the workers can decode per second with every slot busy (whole platform)
 * @param utilization             mean share of busy slots (whole platform)
 * @param expectedWaitSeconds     work ahead of a new arrival at the new multiplier, over capacity
 * @param sloHeadroomSeconds      SLO (or, for best effort, target wait) minus the larger of expected wait and p95
 */
public record TierLoadView(
        String tier,
        long windowStartMs,
        long windowEndMs,
        long arrivals,
        double demandTokensPerSecond,
        double backlogTokens,
        double capacityTokensPerSecond,
        double utilization,
        long completions,
        Double p95TimeToAnswerSeconds,
        Double p95QueueWaitSeconds,
        Double meanThinkingTokensUsed,
        Double expectedWaitSeconds,
        double targetWaitSeconds,
        Double sloHeadroomSeconds,
        double multiplier,
        String action) {
}
