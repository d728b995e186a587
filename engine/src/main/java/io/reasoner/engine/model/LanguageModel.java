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

    /**
     * Creates {@code slots} sequence slots of {@code slotCapacity} tokens each, decoded together: one forward pass
     * advances any subset of them (see {@link SequenceBatch}). All KV-cache memory is allocated here:
     * {@code slots x slotCapacity x} {@link #kvBytesPerToken()} bytes.
     *
     * <p>The default runs one pass per slot over {@link #newSequence} sequences, for models without a batched
     * forward pass.
     *
     * @throws IllegalArgumentException if {@code slots < 1} or {@code slotCapacity} is not in [1, contextLength]
     */
    default SequenceBatch newBatch(int slots, int slotCapacity) {
        return new SequentialBatch(this, slots, slotCapacity);
    }

    /**
     * KV-cache bytes per token of a sequence: layers x 2 (keys and values) x kvHeads x headDim x bytes per
     * element; 0 for models that do not say (test doubles).
     */
    default long kvBytesPerToken() {
        return 0;
    }

    @Override
    void close();
}
