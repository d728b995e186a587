package io.reasoner.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The forward pass of a pre-norm RMSNorm transformer with rotary positions, grouped-query attention and a SwiGLU
 * feed-forward (llama, qwen2, qwen3; see {@link Architecture}) for a batch of consecutive tokens of one sequence.
 *
 * <p>Every array created here must be owned by the step manager passed in: results attach to the receiver's
 * manager in DJL, so activations are always the receiver and weights (owned by the model) the argument; reads of
 * long-lived arrays name the step manager explicitly.
 *
 * <p>In F16, the residual stream, matmuls and KV cache are F16, but RMSNorm statistics and softmax are computed
 * in F32 and rounded back, as Hugging Face's implementations do: a sum of squares over thousands of dims or an
 * exponent overflows or loses all precision in 16 bits far sooner than a product does.
 */
final class TransformerForward {

    private final ModelConfig config;
    private final ModelWeights weights;
    private final DataType dtype;
    private final Rope rope;

    /** {@code manager} is the model's, for the few constants the pass needs besides the weights. */
    TransformerForward(ModelConfig config, ModelWeights weights, DataType dtype, NDManager manager) {
        this.config = config;
        this.weights = weights;
        this.dtype = dtype;
        int queryAndKeyHeads = config.headCount() + config.headCountKv();
        // Without a q/k norm RoPE runs once over the fused Q/K/V heads (value heads pass through); with one it
        // must run after the norm, which applies to Q and K only, so it sees just those heads.
        int ropeHeads = config.architecture().qkNorm() ? queryAndKeyHeads : queryAndKeyHeads + config.headCountKv();
        this.rope = new Rope(config.ropeDimensionCount(), config.headDim(), config.ropeFreqBase(),
                config.ropeLayout(), queryAndKeyHeads, ropeHeads, dtype, manager);
    }

    DataType dtype() {
        return dtype;
    }

    /**
     * Runs {@code tokens} at positions {@code [start, start + tokens.length)}, writing their keys and values into
     * {@code cache}, and returns the logits after the last token ({@code [vocab]}, F32, on the CPU).
     */
    NDArray logits(NDManager step, int[] tokens, int start, KvCache cache) {
        int count = tokens.length;
        NDArray x = weights.tokenEmbedding().get(step, new NDIndex("{}", step.create(tokens)));
        Rope.Angles angles = rope.angles(step, start, count);
        NDArray mask = count > 1 ? causalMask(step, start, count) : null;
        for (int layer = 0; layer < config.blockCount(); layer++) {
            LayerWeights w = weights.layers().get(layer);
            x = x.add(attention(step, rmsNorm(x, w.attentionNorm()), w, layer, start, angles, mask, cache));
            x = x.add(feedForward(rmsNorm(x, w.ffnNorm()), w));
        }
        NDArray last = x.get(new NDIndex("{}:", count - 1));
        NDArray logits = rmsNorm(last, weights.outputNorm()).matMul(weights.outputT()).reshape(-1);
        return logits.toType(DataType.FLOAT32, false).toDevice(Device.cpu(), false);
    }

    /**
     * RMSNorm over the last dim: x / sqrt(mean(x^2) + eps) * weight; unlike LayerNorm, no mean is removed. Used on
     * the embedding dim of tokens and, for qwen3, on the head dim of each query and key head.
     */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray wide = x.toType(DataType.FLOAT32, false);
        NDArray rms = wide.square().mean(new int[] {-1}, true).add(config.rmsNormEpsilon()).sqrt();
        return wide.div(rms).toType(dtype, false).mul(weight);
    }

    /**
     * Causal self-attention with grouped-query heads. Query head h reads key/value head h / group (llama.cpp's and
     * Hugging Face's {@code repeat_kv} convention), done without copying keys: queries are reshaped to
     * {@code [kvHeads, group, tokens, headDim]} and keys broadcast over the group axis in the batched matmul.
     * Queries arrive pre-scaled by 1/sqrt(headDim) (see {@link LayerWeights}).
     */
    private NDArray attention(NDManager step, NDArray h, LayerWeights w, int layer, int start, Rope.Angles angles,
                              NDArray mask, KvCache cache) {
        int count = (int) h.getShape().get(0);
        int heads = config.headCount();
        int kvHeads = config.headCountKv();
        int headDim = config.headDim();
        NDArray projected = h.matMul(w.qkvT());
        if (w.qkvBias() != null) {
            projected = projected.add(w.qkvBias());
        }
        NDArray qkv = projected.reshape(count, heads + 2 * kvHeads, headDim);
        NDList qkvSplit = queriesKeysValues(qkv, w, angles);
        NDArray q = qkvSplit.get(0);
        cache.write(layer, start, qkvSplit.get(1), qkvSplit.get(2));

        int length = start + count;
        NDArray keys = cache.keys(step, layer, length).transpose(1, 2, 0).expandDims(1);     // [kv, 1, hd, len]
        NDArray values = cache.values(step, layer, length).transpose(1, 0, 2).expandDims(1); // [kv, 1, len, hd]
        NDArray grouped = q.transpose(1, 0, 2)
                .reshape(kvHeads, config.queriesPerKvHead(), count, headDim);              // [kv, g, n, hd]
        NDArray scores = grouped.matMul(keys);                                              // [kv, g, n, len]
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray weightsPerKey = scores.toType(DataType.FLOAT32, false).softmax(-1).toType(dtype, false);
        NDArray mixed = weightsPerKey.matMul(values);                                       // [kv, g, n, hd]
        NDArray perToken = mixed.reshape(heads, count, headDim).transpose(1, 0, 2).reshape(count, heads * headDim);
        return perToken.matMul(w.outputT());
    }

    /** Rotates (and for qwen3 first normalises) the query and key heads of {@code [tokens, heads, headDim]}. */
    private NDList queriesKeysValues(NDArray qkv, LayerWeights w, Rope.Angles angles) {
        int heads = config.headCount();
        int kvHeads = config.headCountKv();
        if (w.qkNorm() == null) {
            return rope.apply(qkv, angles).split(new long[] {heads, heads + kvHeads}, 1);
        }
        NDList queryKeyAndValue = qkv.split(new long[] {heads + kvHeads}, 1);
        NDArray queryKey = rope.apply(rmsNorm(queryKeyAndValue.get(0), w.qkNorm()), angles);
        NDList queryAndKey = queryKey.split(new long[] {heads}, 1);
        return new NDList(queryAndKey.get(0), queryAndKey.get(1), queryKeyAndValue.get(1));
    }

    /** SwiGLU: down(silu(gate(x)) * up(x)), where silu(z) = z * sigmoid(z). */
    private static NDArray feedForward(NDArray h, LayerWeights w) {
        NDArray gate = h.matMul(w.gateT());
        return gate.mul(Activation.sigmoid(gate)).mul(h.matMul(w.upT())).matMul(w.downT());
    }

    /** {@code [count, start + count]}: 0 where token i may see position j (j <= start + i), -inf after it. */
    private NDArray causalMask(NDManager step, int start, int count) {
        int length = start + count;
        float[] mask = new float[count * length];
        for (int i = 0; i < count; i++) {
            for (int j = start + i + 1; j < length; j++) {
                mask[i * length + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return step.create(mask, new Shape(count, length)).toType(dtype, false);
    }
}
