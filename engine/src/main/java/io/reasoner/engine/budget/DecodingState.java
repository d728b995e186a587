package io.reasoner.engine.budget;

import java.util.Objects;

/**
 * Where a forced generation stands when the next token is about to be sampled.
 *
 * @param position       index in the sequence of the token about to be sampled (prompt included)
 * @param thinkingTokens thinking tokens so far, counting tokens held back as a possible delimiter
 * @param budget         the budget in force, after any mid-flight change
 */
public record DecodingState(Phase phase, int position, int thinkingTokens, int answerTokens, int extensionsUsed,
                            ThinkingBudget budget) {

    public DecodingState {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(budget, "budget");
    }
}
