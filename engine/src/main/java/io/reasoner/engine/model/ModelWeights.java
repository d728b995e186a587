package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import java.util.List;
import java.util.Objects;

/**
 * All weights, owned by the model's NDManager, in the compute dtype.
 *
 * @param tokenEmbedding {@code [vocab, dim]}
 * @param outputT        {@code [dim, vocab]}; a view of the embedding when the output head is tied to it
 */
record ModelWeights(NDArray tokenEmbedding, List<LayerWeights> layers, NDArray outputNorm, NDArray outputT) {

    ModelWeights {
        Objects.requireNonNull(tokenEmbedding, "tokenEmbedding");
        layers = List.copyOf(layers);
        Objects.requireNonNull(outputNorm, "outputNorm");
        Objects.requireNonNull(outputT, "outputT");
    }
}
