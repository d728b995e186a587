package io.reasoner.engine.model;

/**
 * How a checkpoint format names the model's tensors. The shapes are the same in both: row-major
 * {@code [out, in]} for projections, which GGUF writes as dims {@code [in, out]}.
 */
enum TensorNaming {
    GGUF("token_embd.weight", "output_norm.weight", "output.weight", "blk.%d."),
    HUGGING_FACE("model.embed_tokens.weight", "model.norm.weight", "lm_head.weight", "model.layers.%d.");

    private final String embedding;
    private final String outputNorm;
    private final String output;
    private final String layerPrefix;

    TensorNaming(String embedding, String outputNorm, String output, String layerPrefix) {
        this.embedding = embedding;
        this.outputNorm = outputNorm;
        this.output = output;
        this.layerPrefix = layerPrefix;
    }

    String embedding() {
        return embedding;
    }

    String outputNorm() {
        return outputNorm;
    }

    /** The output head; absent when it is tied to the embedding. */
    String output() {
        return output;
    }

    String layer(int index, LayerTensor tensor) {
        return String.format(layerPrefix, index)
                + (this == GGUF ? tensor.ggufName() : tensor.huggingFaceName());
    }
}
