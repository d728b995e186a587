package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import java.util.List;

/**
 * All weights, owned by the model's NDManager.
 *
 * @param tokenEmbedding {@code [vocab, dim]}
 * @param outputT        {@code [dim, vocab]}; a view of the embedding when the file ties them
 */
record LlamaWeights(NDArray tokenEmbedding, List<LayerWeights> layers, NDArray outputNorm, NDArray outputT) {

    LlamaWeights {
        layers = List.copyOf(layers);
    }
}
