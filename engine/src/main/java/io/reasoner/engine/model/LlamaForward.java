package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;

/**
 * The Llama transformer forward pass for a batch of consecutive tokens of one sequence.
 *
 * <p>Every array created here must be owned by the step manager passed in: results attach to the receiver's
 * manager in DJL, so activations are always the receiver and weights (owned by the model) the argument; reads of
 * long-lived arrays name the step manager explicitly.
 */
final class LlamaForward {

    private final LlamaConfig config;
    private final LlamaWeights weights;
    private final Rope rope;

    /** {@code manager} is the model's, for the few constants the pass needs besides the weights. */
    LlamaForward(LlamaConfig config, LlamaWeights weights, NDManager manager) {
        this.config = config;
        this.weights = weights;
        this.rope = new Rope(config.ropeDimensionCount(), config.headDim(), config.ropeFreqBase(),
                config.ropeLayout(), config.headCount() + config.headCountKv(),
                config.headCount() + 2 * config.headCountKv(), manager);
    }

    /**
     * Runs {@code tokens} at positions {@code [start, start + tokens.length)}, writing their keys and values into
     * {@code cache}, and returns the logits after the last token ({@code [vocab]}).
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
        return rmsNorm(last, weights.outputNorm()).matMul(weights.outputT()).reshape(-1);
    }

    /** RMSNorm: x / sqrt(mean(x^2) + eps) * weight, over the embedding dim; unlike LayerNorm, no mean is removed. */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray rms = x.square().mean(new int[] {-1}, true).add(config.rmsNormEpsilon()).sqrt();
        return x.div(rms).mul(weight);
    }

    /**
     * Causal self-attention with grouped-query heads. Query head h reads key/value head h / group (llama.cpp's
     * convention), done without copying keys: queries are reshaped to {@code [kvHeads, group, tokens, headDim]}
     * and keys broadcast over the group axis in the batched matmul. Queries arrive pre-scaled by 1/sqrt(headDim)
     * (see {@link LayerWeights}).
     */
    private NDArray attention(NDManager step, NDArray h, LayerWeights w, int layer, int start, Rope.Angles angles,
                              NDArray mask, KvCache cache) {
        int count = (int) h.getShape().get(0);
        int heads = config.headCount();
        int kvHeads = config.headCountKv();
        int headDim = config.headDim();
        NDArray qkv = rope.apply(h.matMul(w.qkvT()).reshape(count, heads + 2 * kvHeads, headDim), angles);
        NDList split = qkv.split(new long[] {heads, heads + kvHeads}, 1);
        NDArray q = split.get(0);
        cache.write(layer, start, split.get(1), split.get(2));

        int length = start + count;
        NDArray keys = cache.keys(step, layer, length).transpose(1, 2, 0).expandDims(1);     // [kv, 1, hd, len]
        NDArray values = cache.values(step, layer, length).transpose(1, 0, 2).expandDims(1); // [kv, 1, len, hd]
        NDArray grouped = q.transpose(1, 0, 2)
                .reshape(kvHeads, config.queriesPerKvHead(), count, headDim);              // [kv, g, n, hd]
        NDArray scores = grouped.matMul(keys);                                              // [kv, g, n, len]
        if (mask != null) {
            scores = scores.add(mask);
        }
        NDArray mixed = scores.softmax(-1).matMul(values);                                  // [kv, g, n, hd]
        NDArray perToken = mixed.reshape(heads, count, headDim).transpose(1, 0, 2).reshape(count, heads * headDim);
        return perToken.matMul(w.outputT());
    }

    /** SwiGLU: down(silu(gate(x)) * up(x)), where silu(z) = z * sigmoid(z). */
    private static NDArray feedForward(NDArray h, LayerWeights w) {
        NDArray gate = h.matMul(w.gateT());
        return gate.mul(Activation.sigmoid(gate)).mul(h.matMul(w.upT())).matMul(w.downT());
    }

    /** {@code [count, start + count]}: 0 where token i may see position j (j <= start + i), -inf after it. */
    private static NDArray causalMask(NDManager step, int start, int count) {
        int length = start + count;
        float[] mask = new float[count * length];
        for (int i = 0; i < count; i++) {
            for (int j = start + i + 1; j < length; j++) {
                mask[i * length + j] = Float.NEGATIVE_INFINITY;
            }
        }
        return step.create(mask, new Shape(count, length));
    }
}
