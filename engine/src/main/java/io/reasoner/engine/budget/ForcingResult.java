package io.reasoner.engine.budget;

import java.util.Objects;

/**
 * The outcome and exact token accounting of a forced generation.
 *
 * <p>Where each token in the sequence is counted: the prompt and the format's opening in {@code promptTokens};
 * tokens the model generated while thinking, plus injected extension tokens, in {@code thinkingTokens}; tokens it
 * generated while answering in {@code answerTokens}; everything the forcer fed on its own (extensions, the end
 * delimiter and separator it closes thinking with, the forced answer prefix) in {@code injectedTokens}, so
 * extension tokens count in both of those. An end delimiter the model wrote itself counts in none. Tokens the forcer
 * suppressed were never fed and count nowhere.
 *
 * @param extensionsUsed attempts to end thinking that were suppressed with an extension
 * @param capFired       whether thinking ended because it reached the cap (including a lowered cap mid-flight)
 * @param budget         the budget in force at the end, after mid-flight changes
 */
public record ForcingResult(FinishReason finishReason, int promptTokens, int thinkingTokens, int answerTokens,
                            int injectedTokens, int extensionsUsed, boolean capFired, ThinkingBudget budget) {

    public ForcingResult {
        Objects.requireNonNull(finishReason, "finishReason");
        Objects.requireNonNull(budget, "budget");
        if (promptTokens < 1) {
            throw new IllegalArgumentException("promptTokens must be >= 1, was " + promptTokens);
        }
        if (thinkingTokens < 0 || answerTokens < 0 || injectedTokens < 0 || extensionsUsed < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, were thinking " + thinkingTokens
                    + ", answer " + answerTokens + ", injected " + injectedTokens + ", extensions " + extensionsUsed);
        }
    }
}
