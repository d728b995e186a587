package io.reasoner.engine.budget;

import java.util.Arrays;
import java.util.Objects;

/**
 * The forcer reached a point a resumed run can restore exactly, and these are the tokens it fed since the previous
 * such point, in feed order: the model's own tokens and everything injected (extensions, the end delimiter and
 * separator, the forced answer prefix), including tokens whose text is empty or not yet streamed. It carries no
 * text; the counts are the run's state at this point, as a {@link ForcingCheckpoint} records them.
 *
 * <p>Emitted at the end of a decoding step after which tokens were fed or events delivered since the last commit
 * point, once nothing is held back: no token that may be the start of a multi-token end delimiter, no rolled-back
 * position still to be resampled. Committed tokens are never rolled back. Not emitted after the run's last step:
 * resuming from the last commit replays it. See the package documentation for the resume contract.
 *
 * @param tokens         fed since the previous commit; may be empty (a budget change alone)
 * @param phase          {@link Phase#THINKING} or {@link Phase#ANSWER}
 * @param thinkingTokens thinking tokens so far, as in {@link TextDelta}
 * @param answerTokens   answer tokens so far
 * @param injectedTokens tokens the forcer fed on its own so far, as in {@link ForcingResult}
 * @param extensionsUsed suppressed attempts to end thinking so far
 * @param capFired       whether thinking ended at the cap
 * @param budget         the budget in force
 * @param answerTextFrom see {@link ForcingCheckpoint#answerTextFrom()}; an index into all tokens committed so far
 */
public record TokensCommitted(int[] tokens, Phase phase, int thinkingTokens, int answerTokens, int injectedTokens,
                              int extensionsUsed, boolean capFired, ThinkingBudget budget, int answerTextFrom)
        implements ForcingEvent {

    public TokensCommitted {
        tokens = tokens.clone();
        Objects.requireNonNull(phase, "phase");
        if (phase == Phase.DONE) {
            throw new IllegalArgumentException("phase must be THINKING or ANSWER, was DONE");
        }
        Objects.requireNonNull(budget, "budget");
        if (thinkingTokens < 0 || answerTokens < 0 || injectedTokens < 0 || extensionsUsed < 0) {
            throw new IllegalArgumentException("token counts must be >= 0, were thinking " + thinkingTokens
                    + ", answer " + answerTokens + ", injected " + injectedTokens + ", extensions " + extensionsUsed);
        }
        if (answerTextFrom < -1) {
            throw new IllegalArgumentException("answerTextFrom must be >= -1, was " + answerTextFrom);
        }
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public int[] committedTokens() {
        return tokens.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokensCommitted that && Arrays.equals(tokens, that.tokens) && phase == that.phase
                && thinkingTokens == that.thinkingTokens && answerTokens == that.answerTokens
                && injectedTokens == that.injectedTokens && extensionsUsed == that.extensionsUsed
                && capFired == that.capFired && budget.equals(that.budget) && answerTextFrom == that.answerTextFrom;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(tokens), phase, thinkingTokens, answerTokens, injectedTokens,
                extensionsUsed, capFired, budget, answerTextFrom);
    }

    @Override
    public String toString() {
        return "TokensCommitted[" + Arrays.toString(tokens) + ", " + phase + ", thinking=" + thinkingTokens
                + ", answer=" + answerTokens + ", injected=" + injectedTokens + ", extensions=" + extensionsUsed
                + ", capFired=" + capFired + ", max=" + budget.maxThinkingTokens() + ", answerTextFrom="
                + answerTextFrom + "]";
    }
}
