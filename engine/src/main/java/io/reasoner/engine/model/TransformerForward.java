package io.reasoner.engine.model;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import io.reasoner.engine.model.ForwardProfiler.Part;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The forward pass of a pre-norm RMSNorm transformer with rotary positions, grouped-query attention and a SwiGLU
 * feed-forward (llama, qwen2, qwen3; see {@link Architecture}) for one step: any number of appends to the slots
 * of a {@link KvCache}, run as the rows of one batch. Every op but attention treats rows alike, so each weight
 * matrix is read once per step however many sequences advance: on a CPU, decoding one token is bound by the
 * memory bandwidth of reading the weights, and a batch of B rows costs far less than B steps.
 *
 * <p>Every array created here must be owned by the step manager passed in: results attach to the receiver's
 * manager in DJL, so activations are always the receiver and weights (owned by the model) the argument; reads of
 * long-lived arrays name the step manager explicitly. When decoding, autograd is off (DJL's PyTorch engine
 * disables grad mode), so no op records a graph; {@link #sequenceLogits} is the same blocks run whole-sequence for
 * training, under a gradient collector.
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
    private final Attention attention;
    private final NDArray epsilon;
    private final ForwardProfiler profiler;
    private final Projection projection;

    /**
     * @param manager    the model's, for the few constants the pass needs besides the weights
     * @param profiler   where to report time per part, or null
     * @param projection the operand order of each weight product (see {@link Projection})
     */
    TransformerForward(ModelConfig config, ModelWeights weights, DataType dtype, NDManager manager,
                       ForwardProfiler profiler, Projection projection) {
        this.config = config;
        this.weights = weights;
        this.dtype = dtype;
        this.profiler = profiler;
        this.projection = projection;
        int queryAndKeyHeads = config.headCount() + config.headCountKv();
        // Without a q/k norm RoPE runs once over the fused Q/K/V heads (value heads pass through); with one it
        // must run after the norm, which applies to Q and K only, so it sees just those heads.
        int ropeHeads = config.architecture().qkNorm() ? queryAndKeyHeads : queryAndKeyHeads + config.headCountKv();
        this.rope = new Rope(config.ropeDimensionCount(), config.headDim(), config.ropeFreqBase(),
                config.ropeScaling(), config.ropeLayout(), queryAndKeyHeads, ropeHeads, dtype, manager);
        this.attention = new Attention(config, dtype);
        // A tensor rather than a Java float: DJL turns a scalar operand into a new tensor on every call.
        this.epsilon = manager.create(config.rmsNormEpsilon());
    }

    DataType dtype() {
        return dtype;
    }

    /** The matrices the pass multiplies activations by, each layer's and the output head. */
    static List<NDArray> matrices(ModelWeights weights) {
        List<NDArray> matrices = new ArrayList<>();
        for (LayerWeights layer : weights.layers()) {
            matrices.addAll(List.of(layer.qkv(), layer.output(), layer.gateUp(), layer.down()));
        }
        matrices.add(weights.output());
        return matrices;
    }

    /**
     * Runs {@code appends} as one batch, writing their keys and values into {@code cache}, and returns the logits
     * after each append's last token ({@code vocab} floats each), in the order of {@code appends}.
     */
    float[][] logits(NDManager step, List<Append> appends, KvCache cache) {
        ForwardTimer timer = ForwardTimer.start(profiler);
        StepPlan plan = StepPlan.of(appends);
        StepTensors in = StepTensors.create(step, plan, rope, dtype);
        timer.lap(Part.INPUTS);
        NDArray x = embed(step, in.tokenIndex());
        timer.lap(Part.EMBEDDING);
        for (int layer = 0; layer < config.blockCount(); layer++) {
            int index = layer;
            x = block(step, x, weights.layers().get(layer), in.angles(),
                    (q, k, v) -> attention.apply(step, index, q, k, v, in, cache, timer), timer);
        }
        float[][] logits = outputHead(step, x, in, timer);
        timer.finish(plan.rows(), () -> step.getManagedArrays().size());
        return logits;
    }

    /**
     * The logits at every position of {@code batch} sequences of {@code length} tokens each, given one sequence
     * after another in {@code tokens}, each attending causally to itself from position 0: the forward that
     * training differentiates (under a gradient collector every op here records its graph), through the same
     * blocks as {@link #logits}, with keys and values taken from the rows instead of a cache.
     *
     * @return {@code [batch * length, vocab]}, owned by {@code step}
     */
    NDArray sequenceLogits(NDManager step, long[] tokens, int batch) {
        if (batch < 1 || tokens.length % batch != 0) {
            throw new IllegalArgumentException("tokens (" + tokens.length + ") must split into batch (" + batch
                    + ") sequences of equal length");
        }
        int length = tokens.length / batch;
        int[] positions = new int[tokens.length];
        for (int i = 0; i < positions.length; i++) {
            positions[i] = i % length;
        }
        Rope.Angles angles = rope.angles(step, positions);
        NDArray mask = step.create(StepPlan.causalMask(new StepPlan.Chunk(0, length, 0, 0)), new Shape(length, length))
                .toType(dtype, false);
        ForwardTimer off = ForwardTimer.start(null);
        NDArray x = embed(step, step.create(tokens));
        for (LayerWeights w : weights.layers()) {
            x = block(step, x, w, angles, (q, k, v) -> attention.causal(q, k, v, batch, mask), off);
        }
        return rmsNorm(x, weights.outputNorm()).matMul(weights.output());
    }

    /** Attention proper, given the rotated queries, keys and values of a block. */
    @FunctionalInterface
    private interface Attend {
        NDArray apply(NDArray q, NDArray k, NDArray v);
    }

    /**
     * One pre-norm block: {@code x + attention(norm(x))}, then {@code + feedForward(norm(.))}. Out-of-place
     * throughout, so that autograd (when training) finds every input it saved unmodified; in decoding that costs
     * one allocation per add, nothing measurable next to the matmuls.
     */
    private NDArray block(NDManager step, NDArray x, LayerWeights w, Rope.Angles angles, Attend attend,
                          ForwardTimer timer) {
        NDArray h = rmsNorm(x, w.attentionNorm());
        timer.lap(Part.NORMS);
        NDArray attended = attention(step, h, w, angles, attend, timer);
        NDArray mid = x.add(attended);
        timer.lap(Part.RESIDUAL);
        NDArray normed = rmsNorm(mid, w.ffnNorm());
        timer.lap(Part.NORMS);
        NDArray fed = feedForward(step, normed, w, timer);
        NDArray out = mid.add(fed);
        timer.lap(Part.RESIDUAL);
        return out;
    }

    /** Rows of the embedding; for a tied head, columns of {@code [dim, vocab]}, transposed to rows. */
    private NDArray embed(NDManager step, NDArray tokens) {
        if (weights.tied()) {
            return weights.output().get(step, new NDIndex(":, {}", tokens)).transpose();
        }
        return weights.tokenEmbedding().get(step, new NDIndex("{}", tokens));
    }

    /**
     * The final norm and output matmul for the rows that need logits only, then one copy of all of them from
     * native memory into the Java arrays (through a direct buffer over the tensor, not an intermediate array).
     */
    private float[][] outputHead(NDManager step, NDArray x, StepTensors in, ForwardTimer timer) {
        NDArray last = in.lastRows() == null ? x : x.get(step, new NDIndex("{}", in.lastRows()));
        NDArray normed = rmsNorm(last, weights.outputNorm());
        int rows = (int) normed.getShape().get(0);
        boolean flipped = projection.flipped(normed, weights.output());
        NDArray logits = (flipped ? Projection.transposed(step, normed, weights.output())
                : normed.matMul(weights.output())).toType(DataType.FLOAT32, false).toDevice(Device.cpu(), false);
        timer.lap(Part.OUTPUT_HEAD);
        int vocab = config.vocabSize();
        FloatBuffer buffer = logits.toByteBuffer(true).order(ByteOrder.nativeOrder()).asFloatBuffer();
        float[][] result = new float[rows][vocab];
        if (flipped) {
            // [vocab, rows]: each row's logits are a column, read with a stride.
            for (int v = 0; v < vocab; v++) {
                for (int r = 0; r < rows; r++) {
                    result[r][v] = buffer.get(v * rows + r);
                }
            }
        } else {
            for (float[] row : result) {
                buffer.get(row);
            }
        }
        timer.lap(Part.LOGITS_COPY);
        return result;
    }

    /**
     * RMSNorm over the last dim: x / sqrt(mean(x^2) + eps) * weight; unlike LayerNorm, no mean is removed. Used on
     * the embedding dim of tokens and, for qwen3, on the head dim of each query and key head.
     */
    private NDArray rmsNorm(NDArray x, NDArray weight) {
        NDArray wide = x.toType(DataType.FLOAT32, false);
        NDArray rms = wide.square().mean(new int[] {-1}, true).add(epsilon).sqrt();
        return wide.div(rms).toType(dtype, false).mul(weight);
    }

    private NDArray attention(NDManager step, NDArray h, LayerWeights w, Rope.Angles angles, Attend attend,
                              ForwardTimer timer) {
        int rows = (int) h.getShape().get(0);
        NDArray projected = projection.apply(step, h, w.qkv());
        if (w.qkvBias() != null) {
            projected = projected.add(w.qkvBias());
        }
        NDArray qkv = projected.reshape(rows, config.headCount() + 2 * config.headCountKv(), config.headDim());
        timer.lap(Part.PROJECTIONS);
        NDList split = queriesKeysValues(qkv, w, angles, timer);
        NDArray mixed = attend.apply(split.get(0), split.get(1), split.get(2));
        NDArray out = projection.apply(step, mixed, w.output());
        timer.lap(Part.PROJECTIONS);
        return out;
    }

    /** Rotates (and for qwen3 first normalises) the query and key heads of {@code [rows, heads, headDim]}. */
    private NDList queriesKeysValues(NDArray qkv, LayerWeights w, Rope.Angles angles, ForwardTimer timer) {
        int heads = config.headCount();
        int kvHeads = config.headCountKv();
        if (w.qkNorm() == null) {
            NDList split = rope.apply(qkv, angles).split(new long[] {heads, heads + kvHeads}, 1);
            timer.lap(Part.ROPE);
            return split;
        }
        NDList queryKeyAndValue = qkv.split(new long[] {heads + kvHeads}, 1);
        NDArray normed = rmsNorm(queryKeyAndValue.get(0), w.qkNorm());
        timer.lap(Part.NORMS);
        NDList queryAndKey = rope.apply(normed, angles).split(new long[] {heads}, 1);
        timer.lap(Part.ROPE);
        return new NDList(queryAndKey.get(0), queryAndKey.get(1), queryKeyAndValue.get(1));
    }

    /** SwiGLU: down(silu(gate(x)) * up(x)), where silu(z) = z * sigmoid(z); gate and up come from one matmul. */
    private NDArray feedForward(NDManager step, NDArray h, LayerWeights w, ForwardTimer timer) {
        NDList gateAndUp = projection.apply(step, h, w.gateUp()).split(2, 1);
        timer.lap(Part.PROJECTIONS);
        NDArray gate = gateAndUp.get(0);
        NDArray gated = Activation.sigmoid(gate).mul(gate).mul(gateAndUp.get(1));
        timer.lap(Part.ACTIVATION);
        NDArray down = projection.apply(step, gated, w.down());
        timer.lap(Part.PROJECTIONS);
        return down;
    }
}
