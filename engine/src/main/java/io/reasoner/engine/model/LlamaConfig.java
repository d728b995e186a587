package io.reasoner.engine.model;

import io.reasoner.engine.gguf.GgufMetadata;

/**
 * Llama hyper-parameters, all read from GGUF metadata ({@code llama.*} keys).
 *
 * @param headDim            size of one attention head; {@code embeddingLength / headCount} unless the file says
 * @param ropeDimensionCount how many leading dims of each head are rotated (the rest pass through)
 */
record LlamaConfig(int embeddingLength, int blockCount, int headCount, int headCountKv, int headDim,
                   int feedForwardLength, int contextLength, int vocabSize, float rmsNormEpsilon,
                   float ropeFreqBase, int ropeDimensionCount, RopeLayout ropeLayout) {

    static final String ARCHITECTURE = "llama";

    LlamaConfig {
        requireAtLeast1("embeddingLength", embeddingLength);
        requireAtLeast1("blockCount", blockCount);
        requireAtLeast1("headCount", headCount);
        requireAtLeast1("headDim", headDim);
        requireAtLeast1("feedForwardLength", feedForwardLength);
        requireAtLeast1("contextLength", contextLength);
        requireAtLeast1("vocabSize", vocabSize);
        if (headCountKv < 1 || headCount % headCountKv != 0) {
            throw new IllegalArgumentException("headCountKv must divide headCount (" + headCount + "), was "
                    + headCountKv);
        }
        if (ropeDimensionCount < 2 || ropeDimensionCount > headDim || ropeDimensionCount % 2 != 0) {
            throw new IllegalArgumentException("ropeDimensionCount must be even and in [2, " + headDim + "], was "
                    + ropeDimensionCount);
        }
        if (!(rmsNormEpsilon > 0 && rmsNormEpsilon < 1)) {
            throw new IllegalArgumentException("rmsNormEpsilon must be in (0, 1), was " + rmsNormEpsilon);
        }
        if (!(ropeFreqBase > 1)) {
            throw new IllegalArgumentException("ropeFreqBase must be > 1, was " + ropeFreqBase);
        }
    }

    static LlamaConfig fromGguf(GgufMetadata metadata, int vocabSize) {
        String architecture = metadata.getString("general.architecture");
        if (!architecture.equals(ARCHITECTURE)) {
            throw new ModelLoadException("general.architecture '" + architecture
                    + "' is not supported (supported: " + ARCHITECTURE + ")");
        }
        int embedding = metadata.getInt("llama.embedding_length");
        int heads = metadata.getInt("llama.attention.head_count");
        int headDim = metadata.findInt("llama.attention.key_length").orElse(embedding / heads);
        return new LlamaConfig(
                embedding,
                metadata.getInt("llama.block_count"),
                heads,
                metadata.findInt("llama.attention.head_count_kv").orElse(heads),
                headDim,
                metadata.getInt("llama.feed_forward_length"),
                metadata.getInt("llama.context_length"),
                vocabSize,
                metadata.getFloat("llama.attention.layer_norm_rms_epsilon"),
                metadata.findFloat("llama.rope.freq_base").orElse(10_000f),
                metadata.findInt("llama.rope.dimension_count").orElse(headDim),
                RopeLayout.INTERLEAVED);
    }

    /** Query heads that share one key/value head (grouped-query attention). */
    int queriesPerKvHead() {
        return headCount / headCountKv;
    }

    private static void requireAtLeast1(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }
}
