package io.reasoner.engine.model;

import java.util.Arrays;
import java.util.stream.Collectors;

/**
 * The decoder-only transformer families this engine runs. All three are pre-norm RMSNorm blocks with rotary
 * positions, grouped-query attention and a SwiGLU feed-forward; they differ only in the attention input:
 *
 * <ul>
 *   <li>{@code llama}: plain Q/K/V projections;
 *   <li>{@code qwen2}: Q/K/V projections with biases (the output projection has none);
 *   <li>{@code qwen3}: no biases, but each head's query and key are RMS-normalised (one learned
 *       {@code [headDim]} weight for all query heads, one for all key heads) before RoPE, and the head size is
 *       its own hyper-parameter rather than {@code dim / heads}.
 * </ul>
 *
 * <p>The names equal GGUF's {@code general.architecture} and Hugging Face's {@code model_type}.
 */
enum Architecture {
    LLAMA("llama", false, false, RopeLayout.INTERLEAVED),
    QWEN2("qwen2", true, false, RopeLayout.NEOX),
    QWEN3("qwen3", false, true, RopeLayout.NEOX);

    private final String id;
    private final boolean qkvBias;
    private final boolean qkNorm;
    private final RopeLayout ggufRopeLayout;

    Architecture(String id, boolean qkvBias, boolean qkNorm, RopeLayout ggufRopeLayout) {
        this.id = id;
        this.qkvBias = qkvBias;
        this.qkNorm = qkNorm;
        this.ggufRopeLayout = ggufRopeLayout;
    }

    String id() {
        return id;
    }

    boolean qkvBias() {
        return qkvBias;
    }

    boolean qkNorm() {
        return qkNorm;
    }

    /**
     * The RoPE pairing of this family's GGUF files. Hugging Face checkpoints always rotate dims {@code (i, i+d/2)}
     * ({@code rotate_half}, NeoX style). llama.cpp's converter permutes the Q/K rows of llama models so that its
     * "normal" interleaved rotation of pairs {@code (2i, 2i+1)} computes the same thing, but leaves qwen2/qwen3
     * rows in Hugging Face order and rotates them NeoX style.
     */
    RopeLayout ggufRopeLayout() {
        return ggufRopeLayout;
    }

    /** @throws ModelLoadException if {@code id} names no supported family; {@code key} says where it was read */
    static Architecture of(String id, String key) {
        for (Architecture architecture : values()) {
            if (architecture.id.equals(id)) {
                return architecture;
            }
        }
        throw new ModelLoadException(key + " '" + id + "' is not supported (supported: " + supported() + ")");
    }

    static String supported() {
        return Arrays.stream(values()).map(Architecture::id).collect(Collectors.joining(", "));
    }
}
