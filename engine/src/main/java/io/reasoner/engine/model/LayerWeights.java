package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;

/**
 * One transformer block. Projection matrices are held transposed ({@code [in, out]} views of the GGUF
 * {@code [out][in]} data) so that a projection is {@code x.matMul(w)} with the step-owned activation as receiver:
 * DJL attaches a result to its receiver's manager, which keeps every intermediate inside the step's scope.
 *
 * @param qkvT the query, key and value projections side by side, {@code [dim, (heads + 2 kvHeads) * headDim]},
 *             so one matmul yields all three; the query columns are pre-multiplied by the attention scale
 *             {@code 1/sqrt(headDim)}, which commutes with RoPE because RoPE is linear
 */
record LayerWeights(NDArray attentionNorm, NDArray qkvT, NDArray outputT,
                    NDArray ffnNorm, NDArray gateT, NDArray upT, NDArray downT) {
}
