package io.reasoner.engine.budget;

/** Why a forced generation ended. */
public enum FinishReason {
    /** The model ended its answer with an end-of-turn token or EOS. */
    STOP,
    /** The answer reached {@link ThinkingBudget#maxAnswerTokens()}. */
    LENGTH,
    /** The request's cancellation hook said stop. */
    CANCELLED,
    /** The sequence's capacity (at most the model's context length) ran out, in either phase. */
    CONTEXT_FULL
}
