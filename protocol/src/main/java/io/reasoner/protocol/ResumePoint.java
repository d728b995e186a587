package io.reasoner.protocol;

import java.util.Arrays;

/**
 * The decoding state a chunk leaves behind, carried in {@link ReasoningChunk#resume()} so that a worker that
 * picks up a request whose worker died can continue it exactly after the last chunk in the log, with one prefill.
 *
 * <p>The state of a request after chunk {@code n} is: the {@code tokens} of chunks 0 to {@code n} concatenated
 * (every token fed to the model after the prompt and the thinking opening, model-written and injected alike, up
 * to the last point where nothing was held back), and the other fields of chunk {@code n}. A worker that
 * continues the request starts at sequence number {@code n + 1}; a chunk whose sequence number is already in the
 * log is never written twice by the platform's workers, and readers keep the first copy of a sequence number.
 *
 * @param tokens            token ids fed since the previous chunk's resume point
 * @param phase             thinking or answer, at the last commit point
 * @param thinkingTokens    thinking tokens counted at the last commit point
 * @param answerTokens      answer tokens counted at the last commit point
 * @param injectedTokens    tokens the forcer fed on its own (delimiters, extensions, the forced answer prefix)
 * @param extensionsUsed    attempts to end thinking that were suppressed
 * @param capFired          whether the thinking cap ended thinking
 * @param budget            the budget in force (after any mid-flight change)
 * @param answerTextFrom    where in the concatenated tokens the answer's text starts, or -1 (see the engine's
 *                          {@code ForcingCheckpoint})
 * @param eventsSinceCommit output events streamed after the last commit point; a resumed run replays them without
 *                          streaming them again
 */
public record ResumePoint(int[] tokens, Phase phase, int thinkingTokens, int answerTokens, int injectedTokens,
        int extensionsUsed, boolean capFired, Budget budget, int answerTextFrom, int eventsSinceCommit) {

    public ResumePoint {
        Checks.notNull("tokens", tokens);
        Checks.notNull("phase", phase);
        Checks.notNull("budget", budget);
        Checks.atLeast("thinkingTokens", thinkingTokens, 0);
        Checks.atLeast("answerTokens", answerTokens, 0);
        Checks.atLeast("injectedTokens", injectedTokens, 0);
        Checks.atLeast("extensionsUsed", extensionsUsed, 0);
        Checks.atLeast("answerTextFrom", answerTextFrom, -1);
        Checks.atLeast("eventsSinceCommit", eventsSinceCommit, 0);
        tokens = tokens.clone();
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ResumePoint that && Arrays.equals(tokens, that.tokens) && phase == that.phase
                && thinkingTokens == that.thinkingTokens && answerTokens == that.answerTokens
                && injectedTokens == that.injectedTokens && extensionsUsed == that.extensionsUsed
                && capFired == that.capFired && budget.equals(that.budget) && answerTextFrom == that.answerTextFrom
                && eventsSinceCommit == that.eventsSinceCommit;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(tokens) + java.util.Objects.hash(phase, thinkingTokens, answerTokens,
                injectedTokens, extensionsUsed, capFired, budget, answerTextFrom, eventsSinceCommit);
    }

    @Override
    public String toString() {
        return "ResumePoint[" + tokens.length + " tokens, " + phase + ", thinking " + thinkingTokens + ", answer "
                + answerTokens + ", injected " + injectedTokens + ", extensions " + extensionsUsed + ", capFired "
                + capFired + ", answerTextFrom " + answerTextFrom + ", eventsSinceCommit " + eventsSinceCommit + "]";
    }
}
