package io.reasoner.engine.model;

/**
 * One token sequence being decoded, with its own KV cache. Calls append tokens at the end and return the logits
 * predicting the token after the last one appended: {@code vocabSize} unnormalised scores.
 *
 * <p>Not thread-safe: confine each sequence to one thread at a time.
 */
public interface Sequence extends AutoCloseable {

    /**
     * Appends tokens in one batched forward pass (the prompt, or forced text such as "Wait").
     *
     * @return logits after the last of {@code tokens}
     * @throws SequenceCapacityException if the tokens do not fit in the remaining capacity; the sequence is
     *                                   unchanged
     * @throws IllegalArgumentException  if {@code tokens} is empty or holds an id outside the vocabulary
     */
    float[] prefill(int[] tokens);

    /** Appends one token, the usual decoding step; same contract as {@link #prefill}. */
    float[] step(int token);

    /**
     * Drops every token after the first {@code newLength}, from the sequence and its KV cache, so the next append
     * continues from there. Budget forcing needs it to take back an end-of-thinking delimiter that the model wrote
     * over several tokens while it may not stop thinking. No logits are returned: a caller that needs the logits
     * after the new last token re-appends that token.
     *
     * @throws IllegalArgumentException      if {@code newLength} is not in [0, {@link #length()}]
     * @throws UnsupportedOperationException if this sequence cannot roll back (the default)
     */
    default void truncate(int newLength) {
        throw new UnsupportedOperationException(getClass().getName() + " cannot truncate (from " + length()
                + " to " + newLength + " tokens); multi-token end-of-thinking delimiters need Sequence.truncate");
    }

    /** Tokens appended so far. */
    int length();

    /** The most tokens this sequence can hold, fixed at creation. */
    int capacity();

    @Override
    void close();
}
