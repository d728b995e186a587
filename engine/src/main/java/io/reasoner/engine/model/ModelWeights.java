package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Objects;

/**
 * All weights, owned by the model's NDManager, in the compute dtype.
 *
 * @param tokenEmbedding {@code [vocab, dim]}, or null when the output head is tied to the embedding: the rows
 *                       are then the columns of {@code output}, and holding both would double the largest tensor
 * @param output         {@code [dim, vocab]}, contiguous (see {@link LayerWeights} for why)
 */
record ModelWeights(NDArray tokenEmbedding, List<LayerWeights> layers, NDArray outputNorm, NDArray output) {

    ModelWeights {
        layers = List.copyOf(layers);
        Objects.requireNonNull(outputNorm, "outputNorm");
        Objects.requireNonNull(output, "output");
    }

    boolean tied() {
        return tokenEmbedding == null;
    }
}
