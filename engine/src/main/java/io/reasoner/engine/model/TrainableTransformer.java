package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.reasoner.engine.gguf.GgufWriter;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * A llama model whose weights are trainable parameters, run by the same {@link TransformerForward} the decoder
 * uses: one model definition for training and inference. The parameters are the decoder's own arrays in its
 * layout (fused Q/K/V with the attention scale folded into the query columns, fused gate/up, contiguous
 * {@code [in, out]} projections, the output head tied to the embedding; see {@link LayerWeights}), so a training
 * step differentiates exactly what decoding computes; {@link #toGguf} undoes the layout into GGUF's tensors, which
 * {@link ModelLoader} folds back the same way.
 *
 * <p>F32 on the CPU. Not thread-safe: one trainer owns it. Closing frees every parameter.
 */
public final class TrainableTransformer implements AutoCloseable {

    private static final float RMS_EPSILON = 1e-5f;
    private static final float ROPE_BASE = 10_000f;
    /** GPT-2's initialisation: N(0, 0.02), the projections into the residual stream further / sqrt(2 layers). */
    private static final double INIT_STD = 0.02;

    private final RandomModelWriter.Spec spec;
    private final ModelConfig config;
    private final NDManager manager;
    private final Map<String, NDArray> parameters;
    private final TransformerForward forward;

    private TrainableTransformer(RandomModelWriter.Spec spec, NDManager manager, Map<String, NDArray> parameters) {
        this.spec = spec;
        this.config = config(spec);
        this.manager = manager;
        this.parameters = Collections.unmodifiableMap(parameters);
        List<LayerWeights> layers = new ArrayList<>(spec.layers());
        for (int i = 0; i < spec.layers(); i++) {
            String p = "blk." + i + ".";
            layers.add(new LayerWeights(parameters.get(p + "attn_norm"), parameters.get(p + "qkv"), null, null,
                    parameters.get(p + "attn_output"), parameters.get(p + "ffn_norm"), parameters.get(p + "gate_up"),
                    parameters.get(p + "ffn_down")));
        }
        ModelWeights weights = new ModelWeights(null, layers, parameters.get("output_norm"), parameters.get("output"));
        // Training runs only the whole-sequence pass, whose products are always direct.
        this.forward = new TransformerForward(config, weights, DataType.FLOAT32, manager, null, Projection.direct());
    }

    /**
     * A freshly initialised model with gradients attached to every parameter; the same {@code random} seed gives
     * the same weights.
     */
    public static TrainableTransformer initialize(RandomModelWriter.Spec spec, RandomGenerator random) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(random, "random");
        NDManager manager = TorchRuntime.newManager(spec.parameters());
        int dim = spec.dim();
        int qkv = spec.dim() + 2 * spec.kvHeads() * spec.headDim();
        double residualStd = INIT_STD / Math.sqrt(2.0 * spec.layers());
        Map<String, NDArray> parameters = new LinkedHashMap<>();
        parameters.put("output", normal(manager, random, INIT_STD, dim, spec.vocab()));
        for (int i = 0; i < spec.layers(); i++) {
            String p = "blk." + i + ".";
            parameters.put(p + "attn_norm", ones(manager, dim));
            parameters.put(p + "qkv", normal(manager, random, INIT_STD, dim, qkv));
            parameters.put(p + "attn_output", normal(manager, random, residualStd, dim, dim));
            parameters.put(p + "ffn_norm", ones(manager, dim));
            parameters.put(p + "gate_up", normal(manager, random, INIT_STD, dim, 2L * spec.ffn()));
            parameters.put(p + "ffn_down", normal(manager, random, residualStd, spec.ffn(), dim));
        }
        parameters.put("output_norm", ones(manager, dim));
        for (NDArray parameter : parameters.values()) {
            parameter.setRequiresGradient(true);
        }
        return new TrainableTransformer(spec, manager, parameters);
    }

    /**
     * A llama GGUF file with a tied output head (as {@link #toGguf} writes) read back as trainable parameters, to
     * continue training from a checkpoint: the loader's layout is the parameters' layout, so nothing is converted
     * twice.
     *
     * @throws ModelLoadException if the file is not a llama model with a tied head and {@code dim / heads} heads
     */
    public static TrainableTransformer load(Path gguf) throws IOException {
        TorchRuntime.prepare();
        try (ModelSource source = GgufModelFormat.open(gguf, new TokenizerResolver(List.of()))) {
            ModelConfig c = source.config();
            if (c.architecture() != Architecture.LLAMA || c.queryDim() != c.embeddingLength()) {
                throw new ModelLoadException(gguf + " is not a llama model with dim = heads x headDim");
            }
            RandomModelWriter.Spec spec = new RandomModelWriter.Spec(c.embeddingLength(), c.blockCount(),
                    c.headCount(), c.headCountKv(), c.feedForwardLength(), c.vocabSize(), c.contextLength());
            NDManager manager = TorchRuntime.newManager(spec.parameters());
            try {
                ModelWeights weights = WeightLoader.load(source, manager, DataType.FLOAT32).weights();
                if (!weights.tied()) {
                    throw new ModelLoadException(gguf + " has an untied output head; training ties it");
                }
                Map<String, NDArray> parameters = new LinkedHashMap<>();
                parameters.put("output", weights.output());
                for (int i = 0; i < spec.layers(); i++) {
                    LayerWeights w = weights.layers().get(i);
                    String p = "blk." + i + ".";
                    parameters.put(p + "attn_norm", w.attentionNorm());
                    parameters.put(p + "qkv", w.qkv());
                    parameters.put(p + "attn_output", w.output());
                    parameters.put(p + "ffn_norm", w.ffnNorm());
                    parameters.put(p + "gate_up", w.gateUp());
                    parameters.put(p + "ffn_down", w.down());
                }
                parameters.put("output_norm", weights.outputNorm());
                for (NDArray parameter : parameters.values()) {
                    parameter.setRequiresGradient(true);
                }
                return new TrainableTransformer(spec, manager, parameters);
            } catch (RuntimeException e) {
                manager.close();
                throw e;
            }
        }
    }

    public RandomModelWriter.Spec spec() {
        return spec;
    }

    /** Every parameter by a stable name (the optimizer keys its state by it), in a fixed order. */
    public Map<String, NDArray> parameters() {
        return parameters;
    }

    /**
     * Next-token logits at every position of {@code batch} sequences of equal length laid out one after another
     * in {@code tokens}: {@code [tokens.length, vocab]}, owned by {@code step}, differentiable under a gradient
     * collector.
     */
    public NDArray logits(NDManager step, long[] tokens, int batch) {
        return forward.sequenceLogits(step, tokens, batch);
    }

    /**
     * A GGUF writer holding the llama hyper-parameters and every tensor, F32, as llama.cpp names and lays them
     * out; the caller adds the tokenizer and chat-template keys and writes it. The values are copied now, so
     * training may go on.
     */
    public GgufWriter toGguf(String name) {
        GgufWriter writer = new GgufWriter()
                .string("general.architecture", "llama")
                .string("general.name", name)
                .uint32("llama.context_length", spec.context())
                .uint32("llama.embedding_length", spec.dim())
                .uint32("llama.block_count", spec.layers())
                .uint32("llama.feed_forward_length", spec.ffn())
                .uint32("llama.attention.head_count", spec.heads())
                .uint32("llama.attention.head_count_kv", spec.kvHeads())
                .float32("llama.attention.layer_norm_rms_epsilon", RMS_EPSILON)
                .float32("llama.rope.freq_base", ROPE_BASE);
        int dim = spec.dim();
        int kv = spec.kvHeads() * spec.headDim();
        int ffn = spec.ffn();
        tensor(writer, "token_embd.weight", WeightLoader.transpose(floats("output"), dim, spec.vocab()),
                spec.vocab(), dim);
        float queryUnscale = (float) Math.sqrt(spec.headDim()); // the loader folds 1/sqrt(headDim) back in
        for (int i = 0; i < spec.layers(); i++) {
            String p = "blk." + i + ".";
            float[] qkv = WeightLoader.transpose(floats(p + "qkv"), dim, dim + 2 * kv);   // [dim + 2kv, dim]
            float[] gateUp = WeightLoader.transpose(floats(p + "gate_up"), dim, 2 * ffn); // [2ffn, dim]
            tensor(writer, p + "attn_norm.weight", floats(p + "attn_norm"), dim);
            tensor(writer, p + "attn_q.weight", scaled(slice(qkv, 0, dim * dim), queryUnscale), dim, dim);
            tensor(writer, p + "attn_k.weight", slice(qkv, dim * dim, kv * dim), kv, dim);
            tensor(writer, p + "attn_v.weight", slice(qkv, (dim + kv) * dim, kv * dim), kv, dim);
            tensor(writer, p + "attn_output.weight", WeightLoader.transpose(floats(p + "attn_output"), dim, dim),
                    dim, dim);
            tensor(writer, p + "ffn_norm.weight", floats(p + "ffn_norm"), dim);
            tensor(writer, p + "ffn_gate.weight", slice(gateUp, 0, ffn * dim), ffn, dim);
            tensor(writer, p + "ffn_up.weight", slice(gateUp, ffn * dim, ffn * dim), ffn, dim);
            tensor(writer, p + "ffn_down.weight", WeightLoader.transpose(floats(p + "ffn_down"), ffn, dim), dim, ffn);
        }
        tensor(writer, "output_norm.weight", floats("output_norm"), dim);
        return writer;
    }

    @Override
    public void close() {
        manager.close();
    }

    private static ModelConfig config(RandomModelWriter.Spec spec) {
        // INTERLEAVED RoPE, as the loader uses for llama GGUF files, so the exported file decodes as trained.
        return new ModelConfig(Architecture.LLAMA, spec.dim(), spec.layers(), spec.heads(), spec.kvHeads(),
                spec.headDim(), spec.ffn(), spec.context(), spec.vocab(), RMS_EPSILON, ROPE_BASE, spec.headDim(),
                RopeLayout.INTERLEAVED);
    }

    private float[] floats(String parameter) {
        return parameters.get(parameter).toFloatArray();
    }

    private static void tensor(GgufWriter writer, String name, float[] values, long... rowMajorShape) {
        int[] at = {0};
        writer.f32Tensor(name, rowMajorShape, () -> values[at[0]++]);
    }

    private static float[] slice(float[] values, int from, int length) {
        float[] part = new float[length];
        System.arraycopy(values, from, part, 0, length);
        return part;
    }

    private static float[] scaled(float[] values, float scale) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return values;
    }

    private static NDArray normal(NDManager manager, RandomGenerator random, double std, long rows, long columns) {
        float[] values = new float[Math.toIntExact(rows * columns)];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) (random.nextGaussian() * std);
        }
        return manager.create(values, new Shape(rows, columns));
    }

    private static NDArray ones(NDManager manager, long length) {
        return manager.ones(new Shape(length));
    }
}
