package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * One transformer block. Projection matrices are held transposed ({@code [in, out]} views of the GGUF
 * {@code [out][in]} data) so that a projection is {@code x.matMul(w)} with the step-owned activation as receiver:
 * DJL attaches a result to its receiver's manager, which keeps every intermediate inside the step's scope.
 */
record LayerWeights(NDArray attentionNorm, NDArray queryT, NDArray keyT, NDArray valueT, NDArray outputT,
                    NDArray ffnNorm, NDArray gateT, NDArray upT, NDArray downT) {
}
