package io.reasoner.engine.batch;

/**
 * How a {@link BatchDecoder} batches.
 *
 * @param maxBatchSize       the most sequences decoded at once
 * @param maxSequenceTokens  tokens each sequence may hold (prompt and output): the size of one KV-cache slot, at
 *                           most the model's context length. Every sequence reserves a whole slot, however short,
 *                           because slots of one size are what lets one matmul attend over many sequences (see
 *                           {@code io.reasoner.engine.model.Attention})
 * @param prefillChunkTokens the most prompt tokens prefilled per step, across all joining sequences, so that a
 *                           long prompt delays the sequences already decoding by about one step's work at a time,
 *                           rather than by its whole prefill
 * @param kvBudgetBytes      KV-cache memory the decoder may allocate; it allocates as many slots as fit, up to
 *                           {@code maxBatchSize}, when it opens
 */
public record BatchConfig(int maxBatchSize, int maxSequenceTokens, int prefillChunkTokens, long kvBudgetBytes) {

    /**
     * On a CPU a decode step of a small batch is bound by reading the weights once, and prefilling 16 tokens costs
     * roughly what a step of 16 decoding sequences does.
     */
    public static final int DEFAULT_PREFILL_CHUNK_TOKENS = 16;

    static final int MAX_BATCH_SIZE = 4096;
    static final int MAX_TOKENS = 1 << 20;

    public BatchConfig {
        if (maxBatchSize < 1 || maxBatchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException("maxBatchSize must be in [1, " + MAX_BATCH_SIZE + "], was "
                    + maxBatchSize);
        }
        if (maxSequenceTokens < 1 || maxSequenceTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("maxSequenceTokens must be in [1, " + MAX_TOKENS + "], was "
                    + maxSequenceTokens);
        }
        if (prefillChunkTokens < 1 || prefillChunkTokens > MAX_TOKENS) {
            throw new IllegalArgumentException("prefillChunkTokens must be in [1, " + MAX_TOKENS + "], was "
                    + prefillChunkTokens);
        }
        if (kvBudgetBytes < 1) {
            throw new IllegalArgumentException("kvBudgetBytes must be >= 1, was " + kvBudgetBytes);
        }
    }

    /** {@link #DEFAULT_PREFILL_CHUNK_TOKENS}; the budget as given. */
    public static BatchConfig of(int maxBatchSize, int maxSequenceTokens, long kvBudgetBytes) {
        return new BatchConfig(maxBatchSize, maxSequenceTokens, DEFAULT_PREFILL_CHUNK_TOKENS, kvBudgetBytes);
    }

    public BatchConfig withPrefillChunkTokens(int tokens) {
        return new BatchConfig(maxBatchSize, maxSequenceTokens, tokens, kvBudgetBytes);
    }
}
