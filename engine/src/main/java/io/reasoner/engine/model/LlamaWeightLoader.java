package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.gguf.GgufTensorInfo;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Copies the tensors of a llama GGUF file into NDArrays, checking every shape against the config. */
final class LlamaWeightLoader {

    private final GgufFile file;
    private final NDManager manager;
    private final LlamaConfig config;

    private LlamaWeightLoader(GgufFile file, NDManager manager, LlamaConfig config) {
        this.file = file;
        this.manager = manager;
        this.config = config;
    }

    static LlamaWeights load(GgufFile file, NDManager manager, LlamaConfig config) throws IOException {
        return new LlamaWeightLoader(file, manager, config).load();
    }

    private LlamaWeights load() throws IOException {
        int dim = config.embeddingLength();
        NDArray embedding = tensor("token_embd.weight", config.vocabSize(), dim);
        List<LayerWeights> layers = new ArrayList<>(config.blockCount());
        for (int i = 0; i < config.blockCount(); i++) {
            layers.add(layer("blk." + i + "."));
        }
        NDArray outputNorm = tensor("output_norm.weight", dim);
        // Many small models tie the output projection to the embedding and omit output.weight.
        NDArray output = file.findTensor("output.weight").isPresent()
                ? tensor("output.weight", config.vocabSize(), dim) : embedding;
        return new LlamaWeights(embedding, layers, outputNorm, output.transpose());
    }

    private LayerWeights layer(String prefix) throws IOException {
        int dim = config.embeddingLength();
        int queryDim = config.headCount() * config.headDim();
        int kvDim = config.headCountKv() * config.headDim();
        int ffn = config.feedForwardLength();
        return new LayerWeights(
                tensor(prefix + "attn_norm.weight", dim),
                fusedQkv(prefix, dim, queryDim, kvDim).transpose(),
                tensor(prefix + "attn_output.weight", dim, queryDim).transpose(),
                tensor(prefix + "ffn_norm.weight", dim),
                tensor(prefix + "ffn_gate.weight", ffn, dim).transpose(),
                tensor(prefix + "ffn_up.weight", ffn, dim).transpose(),
                tensor(prefix + "ffn_down.weight", dim, ffn).transpose());
    }

    /** Stacks the Q, K and V rows into one {@code [queryDim + 2 kvDim, dim]} matrix, Q scaled by 1/sqrt(headDim). */
    private NDArray fusedQkv(String prefix, int dim, int queryDim, int kvDim) throws IOException {
        float[] query = floats(prefix + "attn_q.weight", queryDim, dim);
        float[] key = floats(prefix + "attn_k.weight", kvDim, dim);
        float[] value = floats(prefix + "attn_v.weight", kvDim, dim);
        float scale = (float) (1.0 / Math.sqrt(config.headDim()));
        float[] fused = new float[query.length + key.length + value.length];
        for (int i = 0; i < query.length; i++) {
            fused[i] = query[i] * scale;
        }
        System.arraycopy(key, 0, fused, query.length, key.length);
        System.arraycopy(value, 0, fused, query.length + key.length, value.length);
        return manager.create(fused, new Shape(queryDim + 2L * kvDim, dim));
    }

    /** Reads a tensor whose row-major shape (slowest dim first, as PyTorch counts) must equal {@code shape}. */
    private NDArray tensor(String name, long... shape) throws IOException {
        return manager.create(floats(name, shape), new Shape(shape));
    }

    private float[] floats(String name, long... shape) throws IOException {
        GgufTensorInfo info = file.findTensor(name)
                .orElseThrow(() -> new ModelLoadException("tensor '" + name + "' is missing"));
        if (!Arrays.equals(info.rowMajorShape(), shape)) {
            throw new ModelLoadException("tensor '" + name + "' must have shape " + Arrays.toString(shape)
                    + " (row-major), had " + Arrays.toString(info.rowMajorShape()));
        }
        return file.readFloats(info);
    }
}
