package io.reasoner.policy.topology;

/**
 * Arrivals of one tier in one window.
 *
 * @param arrivals               requests that arrived
 * @param requestedThinkingTokens sum of their requested thinking caps
 * @param requestedAnswerTokens   sum of their requested answer caps
 * @param maxRequestedThinking   the largest thinking cap asked for
 */
public record TierLoad(long arrivals, long requestedThinkingTokens, long requestedAnswerTokens,
        int maxRequestedThinking) {

    public static final TierLoad EMPTY = new TierLoad(0, 0, 0, 0);

    TierLoad add(int thinkingTokens, int answerTokens) {
        return new TierLoad(arrivals + 1, requestedThinkingTokens + thinkingTokens,
                requestedAnswerTokens + answerTokens, Math.max(maxRequestedThinking, thinkingTokens));
    }
}
