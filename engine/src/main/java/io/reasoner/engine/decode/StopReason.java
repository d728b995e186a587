package io.reasoner.engine.decode;

/** Why generation ended. */
public enum StopReason {
    /** The model produced its end-of-sequence token. */
    END_OF_SEQUENCE,
    /** The requested number of new tokens was generated. */
    MAX_TOKENS,
    /** The listener returned {@code false}. */
    STOPPED_BY_LISTENER,
    /** The sequence reached the model's context length before the other limits. */
    CONTEXT_FULL
}
