package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import java.util.Objects;

/**
 * One transformer block. Projection matrices are held as contiguous {@code [in, out]} arrays (the stored
 * {@code [out][in]} data transposed once at load) so that a projection is {@code x.matMul(w)} with the step-owned
 * activation as receiver: DJL attaches a result to its receiver's manager, which keeps every intermediate inside
 * the step's scope.
 *
 * <p>Contiguous rather than a transposed view of the stored data because MKL's kernels read the two layouts at
 * very different speeds. Measured with PyTorch 2.7.1 on a 2-core AMD EPYC, one thread, twelve
 * {@code [768, 11936]} matrices (a 110M-parameter model's worth): one row takes 21 ms from {@code [in, out]} and
 * 32-38 ms from a transposed {@code [out, in]} view; 16 rows take 88 ms against 113 ms. Decoding one token reads
 * every weight once, so the faster layout is what brings it near the memory-bandwidth limit.
 *
 * <p>The attention scale {@code 1/sqrt(headDim)} is folded into whatever produces the final query, so attention
 * needs no separate scaling op: into the query columns of {@code qkv} and {@code qkvBias}, or, when there is a
 * query norm, into its weight instead (RMSNorm would cancel a scale applied before it). Either way it commutes
 * with RoPE, which is linear.
 *
 * @param qkv     the query, key and value projections side by side, {@code [dim, (heads + 2 kvHeads) * headDim]},
 *                so one matmul yields all three
 * @param qkvBias {@code [(heads + 2 kvHeads) * headDim]} biases of the same columns (qwen2), or null
 * @param qkNorm  {@code [heads + kvHeads, headDim]}: the query-norm weight repeated for every query head, then the
 *                key-norm weight for every key head (qwen3), or null
 * @param output  {@code [heads * headDim, dim]}
 * @param gateUp  the gate and up projections side by side, {@code [dim, 2 * ffn]}, gate first: one matmul
 *                instead of two
 * @param down    {@code [ffn, dim]}
 */
record LayerWeights(NDArray attentionNorm, NDArray qkv, NDArray qkvBias, NDArray qkNorm, NDArray output,
                    NDArray ffnNorm, NDArray gateUp, NDArray down) {

    LayerWeights {
        Objects.requireNonNull(attentionNorm, "attentionNorm");
        Objects.requireNonNull(qkv, "qkv");
        Objects.requireNonNull(output, "output");
        Objects.requireNonNull(ffnNorm, "ffnNorm");
        Objects.requireNonNull(gateUp, "gateUp");
        Objects.requireNonNull(down, "down");
    }
}
