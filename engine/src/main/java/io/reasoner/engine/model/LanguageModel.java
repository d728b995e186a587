package io.reasoner.engine.model;

import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.weights.LoadReport;
import java.util.Optional;

/**
 * A loaded model. Thread-safe: weights are read-only, so several sequences may run at once, each on its own
 * thread. Closing the model frees its native memory; its sequences must be closed first.
 */
public interface LanguageModel extends AutoCloseable {

    ModelInfo info();

    Tokenizer tokenizer();

    /**
     * What loading cost: bytes on disk per storage type against bytes in memory, and which tensors were
     * dequantized or converted. Empty for models not loaded from files (test doubles).
     */
    default Optional<LoadReport> loadReport() {
        return Optional.empty();
    }

    /**
     * Starts an empty sequence whose KV cache holds up to {@code maxTokens} tokens (prompt and generated).
     *
     * @throws IllegalArgumentException if {@code maxTokens} is not in [1, contextLength]
     */
    Sequence newSequence(int maxTokens);

    @Override
    void close();
}
