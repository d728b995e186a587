package io.reasoner.engine.model;

import java.util.Objects;

/**
 * Transformer hyper-parameters, read from a GGUF file's metadata ({@link GgufModelFormat}) or a Hugging Face
 * {@code config.json} ({@link HuggingFaceModelFormat}); none is assumed.
 *
 * @param headDim            size of one attention head; qwen3 sets it independently of {@code embeddingLength /
 *                           headCount}, so the query projection is {@code [headCount * headDim, embeddingLength]}
 * @param vocabSize          rows of the token embedding, which is the length of the logits (may exceed the
 *                           tokenizer's vocabulary, padded for efficient matmuls)
 * @param ropeDimensionCount how many dims of each head are rotated (the rest pass through)
 * @param ropeLayout         which dims RoPE pairs, a property of the checkpoint format as well as the family (see
 *                           {@link Architecture#ggufRopeLayout})
 * @param ropeScaling        how the checkpoint stretches RoPE past its pre-training context ({@link RopeScaling#none()}
 *                           for plain RoPE)
 */
record ModelConfig(Architecture architecture, int embeddingLength, int blockCount, int headCount, int headCountKv,
                   int headDim, int feedForwardLength, int contextLength, int vocabSize, float rmsNormEpsilon,
                   float ropeFreqBase, int ropeDimensionCount, RopeLayout ropeLayout, RopeScaling ropeScaling) {

    ModelConfig {
        Objects.requireNonNull(architecture, "architecture");
        Objects.requireNonNull(ropeLayout, "ropeLayout");
        Objects.requireNonNull(ropeScaling, "ropeScaling");
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
        if (ropeScaling instanceof RopeScaling.FrequencyFactors frequencyFactors
                && frequencyFactors.factors().length != ropeDimensionCount / 2) {
            throw new IllegalArgumentException("ropeScaling must hold one frequency factor per rotated pair ("
                    + ropeDimensionCount / 2 + "), had " + frequencyFactors.factors().length);
        }
    }

    /** A model with plain, unscaled RoPE. */
    ModelConfig(Architecture architecture, int embeddingLength, int blockCount, int headCount, int headCountKv,
                int headDim, int feedForwardLength, int contextLength, int vocabSize, float rmsNormEpsilon,
                float ropeFreqBase, int ropeDimensionCount, RopeLayout ropeLayout) {
        this(architecture, embeddingLength, blockCount, headCount, headCountKv, headDim, feedForwardLength,
                contextLength, vocabSize, rmsNormEpsilon, ropeFreqBase, ropeDimensionCount, ropeLayout,
                RopeScaling.none());
    }

    ModelConfig withRopeScaling(RopeScaling scaling) {
        return new ModelConfig(architecture, embeddingLength, blockCount, headCount, headCountKv, headDim,
                feedForwardLength, contextLength, vocabSize, rmsNormEpsilon, ropeFreqBase, ropeDimensionCount,
                ropeLayout, scaling);
    }

    /** Query heads that share one key/value head (grouped-query attention). */
    int queriesPerKvHead() {
        return headCount / headCountKv;
    }

    int queryDim() {
        return headCount * headDim;
    }

    int kvDim() {
        return headCountKv * headDim;
    }

    private static void requireAtLeast1(String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(name + " must be >= 1, was " + value);
        }
    }
}
