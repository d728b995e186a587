package io.reasoner.engine.model;

import io.reasoner.engine.tokenizer.Tokenizer;

/**
 * A loaded model. Thread-safe: weights are read-only, so several sequences may run at once, each on its own
 * thread. Closing the model frees its native memory; its sequences must be closed first.
 */
public interface LanguageModel extends AutoCloseable {

    ModelInfo info();

    Tokenizer tokenizer();

    /**
     * Starts an empty sequence whose KV cache holds up to {@code maxTokens} tokens (prompt and generated).
     *
     * @throws IllegalArgumentException if {@code maxTokens} is not in [1, contextLength]
     */
    Sequence newSequence(int maxTokens);

    @Override
    void close();
}
