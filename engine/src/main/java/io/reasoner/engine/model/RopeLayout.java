package io.reasoner.engine.model;

/**
 * Which head dimensions rotary position embedding rotates together.
 *
 * <p>Both rotate pair i by the angle {@code position * base^(-2i/d)}, i in [0, d/2); they differ in which two
 * dimensions form pair i.
 */
enum RopeLayout {
    /** Dimensions (2i, 2i+1): llama.cpp's "normal" mode, used by llama GGUF files (their Q/K rows are permuted to it). */
    INTERLEAVED,
    /** Dimensions (i, i + d/2): GPT-NeoX style, used by qwen2 and most HF-native models. */
    NEOX
}
