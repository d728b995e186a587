package io.reasoner.engine.budget;

import java.util.Arrays;
import java.util.Objects;

/**
 * Where a forced generation stood after some event {@code k}, enough for {@link ForcingRequest#resumingFrom} to
 * continue it on another worker with one prefill. Built by a {@link CheckpointRecorder} from the events, or from
 * fields a worker stored beside the chunks it streamed.
 *
 * <p>The state is that of the last commit point at or before event {@code k} (a {@link TokensCommitted}, or a
 * {@link ControlKind#BUDGET_CHANGED}, which changes only the budget); the {@code eventsSinceCommit} events after it
 * were delivered but cannot be restored directly (they came while tokens were held back as a possible delimiter,
 * or in the middle of a step). A resumed run restores the commit, replays the steps that produced those events
 * without delivering them again, and delivers the rest.
 *
 * <p>Invariant: {@code tokens}, appended after the prompt and the thinking opening, is a prefix of the sequence
 * from event {@code k} on (committed tokens are never rolled back), and resuming from this checkpoint delivers
 * exactly the events that followed event {@code k} in the run that made it, with the same final
 * {@link ForcingResult}, provided the sampler's pick depends only on the logits and the position
 * ({@link io.reasoner.engine.sampling.Sampler#greedy()}, {@link io.reasoner.engine.sampling.Sampler#seeded}), the
 * request's processors depend only on the logits and the {@link DecodingState}, the model, format and prompt are
 * the same, and the resumed run sees the same budget changes and cancellation (a change the first run had taken but
 * not yet applied must be made again through the new run's {@link BudgetControl}).
 *
 * @param tokens            every token fed after the prompt and the thinking opening up to the commit
 * @param phase             {@link Phase#THINKING} or {@link Phase#ANSWER} at the commit
 * @param thinkingTokens    as in {@link ForcingResult}, at the commit; at most the budget's cap
 * @param answerTokens      as in {@link ForcingResult}; 0 while thinking; at most the budget's answer limit
 * @param injectedTokens    as in {@link ForcingResult}; at most {@code tokens.length}
 * @param extensionsUsed    as in {@link ForcingResult}; at most {@code thinkingTokens} (an extension is a token
 *                          or more)
 * @param capFired          as in {@link ForcingResult}; false while thinking
 * @param budget            the budget in force at the commit (mid-flight changes applied)
 * @param answerTextFrom    in the answer: the index in {@code tokens} where the answer's text decoding starts
 *                          (after the end delimiter and separator, at the forced prefix if any), or -1 when the
 *                          answer's text runs on from the thinking text (the model wrote a multi-token delimiter
 *                          whose last token may carry answer text); -1 while thinking
 * @param eventsSinceCommit events delivered after the commit, up to and including event {@code k}
 */
public record ForcingCheckpoint(int[] tokens, Phase phase, int thinkingTokens, int answerTokens, int injectedTokens,
                                int extensionsUsed, boolean capFired, ThinkingBudget budget, int answerTextFrom,
                                int eventsSinceCommit) {

    public ForcingCheckpoint {
        tokens = tokens.clone();
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(budget, "budget");
        if (phase == Phase.DONE) {
            throw new IllegalArgumentException("phase must be THINKING or ANSWER, was DONE");
        }
        check("thinkingTokens", thinkingTokens, 0, budget.maxThinkingTokens());
        check("answerTokens", answerTokens, 0, phase == Phase.THINKING ? 0 : budget.maxAnswerTokens());
        check("injectedTokens", injectedTokens, 0, tokens.length);
        check("extensionsUsed", extensionsUsed, 0, thinkingTokens);
        check("thinkingTokens + answerTokens", thinkingTokens + answerTokens, 0, tokens.length);
        check("eventsSinceCommit", eventsSinceCommit, 0, Integer.MAX_VALUE);
        if (phase == Phase.THINKING) {
            if (capFired) {
                throw new IllegalArgumentException("capFired must be false while thinking");
            }
            check("answerTextFrom", answerTextFrom, -1, -1);
        } else {
            check("answerTextFrom", answerTextFrom, -1, tokens.length);
        }
    }

    /** Where a run stands before it has done anything: nothing fed, thinking under {@code budget}. */
    public static ForcingCheckpoint start(ThinkingBudget budget) {
        return new ForcingCheckpoint(new int[0], Phase.THINKING, 0, 0, 0, 0, false, budget, -1, 0);
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    int length() {
        return tokens.length;
    }

    private static void check(String name, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be in [" + min + ", " + max + "], was " + value);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ForcingCheckpoint that && Arrays.equals(tokens, that.tokens) && phase == that.phase
                && thinkingTokens == that.thinkingTokens && answerTokens == that.answerTokens
                && injectedTokens == that.injectedTokens && extensionsUsed == that.extensionsUsed
                && capFired == that.capFired && budget.equals(that.budget) && answerTextFrom == that.answerTextFrom
                && eventsSinceCommit == that.eventsSinceCommit;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(tokens), phase, thinkingTokens, answerTokens, injectedTokens,
                extensionsUsed, capFired, budget, answerTextFrom, eventsSinceCommit);
    }

    @Override
    public String toString() {
        return "ForcingCheckpoint[" + tokens.length + " tokens, " + phase + ", thinking=" + thinkingTokens
                + ", answer=" + answerTokens + ", injected=" + injectedTokens + ", extensions=" + extensionsUsed
                + ", capFired=" + capFired + ", max=" + budget.maxThinkingTokens() + ", answerTextFrom="
                + answerTextFrom + ", eventsSinceCommit=" + eventsSinceCommit + "]";
    }
}
