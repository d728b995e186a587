package io.reasoner.policy.control;

/**
 * What the controller remembers about one tier between windows.
 *
 * @param multiplier            the multiplier in force
 * @param calmWindows           windows in a row in which the tier wished to grow and no tier above it was at risk
 * @param demandThinkingTokens  the tier's arrivals per window (requested thinking tokens), smoothed: follows a
 *                              rise at once and a fall by {@code demandDecay} of the gap per window
 * @param demandAnswerTokens    the same for requested answer tokens
 */
public record TierState(double multiplier, int calmWindows, double demandThinkingTokens, double demandAnswerTokens) {

    /** A tier the controller has not touched: budgets as requested, no demand seen. */
    public static final TierState INITIAL = new TierState(1.0, 0, 0, 0);

    public TierState {
        Bounds.check("multiplier", multiplier, 0.0, io.reasoner.protocol.BudgetPolicy.MAX_MULTIPLIER);
        Bounds.check("calmWindows", calmWindows, 0, Integer.MAX_VALUE);
        Bounds.nonNegative("demandThinkingTokens", demandThinkingTokens);
        Bounds.nonNegative("demandAnswerTokens", demandAnswerTokens);
    }
}
