package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * One transformer block. Projection matrices are held transposed ({@code [in, out]} views of the stored
 * {@code [out][in]} data) so that a projection is {@code x.matMul(w)} with the step-owned activation as receiver:
 * DJL attaches a result to its receiver's manager, which keeps every intermediate inside the step's scope.
 *
 * <p>The attention scale {@code 1/sqrt(headDim)} is folded into whatever produces the final query, so attention
 * needs no separate scaling op: into the query columns of {@code qkvT} and {@code qkvBias}, or, when there is a
 * query norm, into its weight instead (RMSNorm would cancel a scale applied before it). Either way it commutes
 * with RoPE, which is linear.
 *
 * @param qkvT    the query, key and value projections side by side, {@code [dim, (heads + 2 kvHeads) * headDim]},
 *                so one matmul yields all three
 * @param qkvBias {@code [(heads + 2 kvHeads) * headDim]} biases of the same columns (qwen2), or null
 * @param qkNorm  {@code [heads + kvHeads, headDim]}: the query-norm weight repeated for every query head, then the
 *                key-norm weight for every key head (qwen3), or null
 */
record LayerWeights(NDArray attentionNorm, NDArray qkvT, NDArray qkvBias, NDArray qkNorm, NDArray outputT,
                    NDArray ffnNorm, NDArray gateT, NDArray upT, NDArray downT) {

    LayerWeights {
        Objects.requireNonNull(attentionNorm, "attentionNorm");
        Objects.requireNonNull(qkvT, "qkvT");
        Objects.requireNonNull(outputT, "outputT");
        Objects.requireNonNull(ffnNorm, "ffnNorm");
        Objects.requireNonNull(gateT, "gateT");
        Objects.requireNonNull(upT, "upT");
        Objects.requireNonNull(downT, "downT");
    }
}
