package io.reasoner.engine.budget;

import java.util.OptionalInt;

/** A pending mid-flight change: each field present only if the caller set it. */
record BudgetChange(OptionalInt maxThinkingTokens, OptionalInt extensions) {

    /** This change followed by {@code later}: later fields win, fields only this one set survive. */
    BudgetChange then(BudgetChange later) {
        return new BudgetChange(later.maxThinkingTokens.isPresent() ? later.maxThinkingTokens : maxThinkingTokens,
                later.extensions.isPresent() ? later.extensions : extensions);
    }

    /**
     * The budget after this change, given {@code spent} thinking tokens: the cap is kept at or above what was
     * spent (so thinking ends now rather than having produced more than the cap allows), and the minimum at or
     * below the cap.
     */
    ThinkingBudget applyTo(ThinkingBudget budget, int spent) {
        int max = Math.max(maxThinkingTokens.orElse(budget.maxThinkingTokens()), spent);
        int min = Math.min(budget.minThinkingTokens(), max);
        return new ThinkingBudget(max, min, extensions.orElse(budget.extensions()), budget.extensionText(),
                budget.forcedAnswerPrefix(), budget.maxAnswerTokens());
    }
}
