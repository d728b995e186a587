package io.reasoner.engine.budget;

/**
 * The budget's rules for ending thinking, in one place so the forcer, its mask and the benchmark's reference loop
 * cannot drift apart. {@code thinking} counts every thinking token so far, injected extensions included.
 */
final class ThinkingRules {

    private ThinkingRules() {
    }

    static boolean capReached(ThinkingBudget budget, int thinking) {
        return thinking >= budget.maxThinkingTokens();
    }

    /** Whether one more extension of {@code extensionLength} tokens stays within the cap: the cap always wins. */
    static boolean extensionFits(ThinkingBudget budget, int thinking, int extensionLength) {
        return thinking + extensionLength <= budget.maxThinkingTokens();
    }

    /**
     * Whether an attempt to end thinking is let through: the minimum is met and either every requested extension
     * was used or the next one would overshoot the cap (extensions are forfeited rather than break the cap).
     */
    static boolean mayEnd(ThinkingBudget budget, int thinking, int extensionsUsed, int extensionLength) {
        return thinking >= budget.minThinkingTokens()
                && (extensionsUsed >= budget.extensions() || !extensionFits(budget, thinking, extensionLength));
    }

    /**
     * Whether thinking may neither end nor be extended: below the minimum with no room for an extension. Then the
     * ending tokens are masked so the model keeps thinking with its own tokens up to the minimum.
     */
    static boolean mustHoldOpen(ThinkingBudget budget, int thinking, int extensionsUsed, int extensionLength) {
        return !mayEnd(budget, thinking, extensionsUsed, extensionLength)
                && !extensionFits(budget, thinking, extensionLength);
    }
}
