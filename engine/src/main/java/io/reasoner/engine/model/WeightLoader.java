package io.reasoner.engine.model;

import static io.reasoner.engine.model.LayerTensor.ATTENTION_NORM;
import static io.reasoner.engine.model.LayerTensor.ATTENTION_OUTPUT;
import static io.reasoner.engine.model.LayerTensor.DOWN;
import static io.reasoner.engine.model.LayerTensor.FFN_NORM;
import static io.reasoner.engine.model.LayerTensor.GATE;
import static io.reasoner.engine.model.LayerTensor.KEY;
import static io.reasoner.engine.model.LayerTensor.KEY_BIAS;
import static io.reasoner.engine.model.LayerTensor.KEY_NORM;
import static io.reasoner.engine.model.LayerTensor.QUERY;
import static io.reasoner.engine.model.LayerTensor.QUERY_BIAS;
import static io.reasoner.engine.model.LayerTensor.QUERY_NORM;
import static io.reasoner.engine.model.LayerTensor.UP;
import static io.reasoner.engine.model.LayerTensor.VALUE;
import static io.reasoner.engine.model.LayerTensor.VALUE_BIAS;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.reasoner.engine.weights.LoadReport;
import io.reasoner.engine.weights.StoredTensor;
import io.reasoner.engine.weights.TensorStore;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Copies a model's tensors into NDArrays of the compute dtype, checking every shape against the config, fusing
 * Q/K/V and gate/up, and transposing projections to contiguous {@code [in, out]} (see {@link LayerWeights}).
 * Every tensor is decoded to F32 on the Java heap first, one at a time, then converted on the device; it tallies
 * what it reads for the {@link LoadReport}.
 */
final class WeightLoader {

    /** The weights, and what they took on disk and take in memory. */
    record Loaded(ModelWeights weights, Map<String, LoadReport.Stored> storedByDtype, long bytesInMemory) {
    }

    private final TensorStore store;
    private final TensorNaming naming;
    private final ModelConfig config;
    private final boolean outputTiedWhenAbsent;
    private final NDManager manager;
    private final DataType dtype;
    private final Map<String, LoadReport.Stored> stored = new LinkedHashMap<>();
    private long bytesInMemory;

    private WeightLoader(ModelSource source, NDManager manager, DataType dtype) {
        this.store = source.store();
        this.naming = source.naming();
        this.config = source.config();
        this.outputTiedWhenAbsent = source.outputTiedWhenAbsent();
        this.manager = manager;
        this.dtype = dtype;
    }

    /** @param dtype FLOAT32 or FLOAT16 (DJL 0.36 aborts the process on BFLOAT16) */
    static Loaded load(ModelSource source, NDManager manager, DataType dtype) throws IOException {
        if (dtype != DataType.FLOAT32 && dtype != DataType.FLOAT16) {
            throw new IllegalArgumentException("dtype must be FLOAT32 or FLOAT16, was " + dtype);
        }
        return new WeightLoader(source, manager, dtype).load();
    }

    private Loaded load() throws IOException {
        int dim = config.embeddingLength();
        int vocab = config.vocabSize();
        float[] embedding = floats(naming.embedding(), vocab, dim);
        boolean tied = store.find(naming.output()).isEmpty();
        if (tied && !outputTiedWhenAbsent) {
            throw new ModelLoadException("tensor '" + naming.output() + "' is missing, and the config does not tie"
                    + " the output head to the embedding (tie_word_embeddings)");
        }
        // A tied model keeps only the [dim, vocab] head; the forward pass looks embeddings up as its columns.
        NDArray tokenEmbedding = tied ? null : array(embedding, vocab, dim);
        NDArray output = projection(tied ? embedding : floats(naming.output(), vocab, dim), vocab, dim);
        List<LayerWeights> layers = new ArrayList<>(config.blockCount());
        for (int i = 0; i < config.blockCount(); i++) {
            layers.add(layer(i));
        }
        NDArray outputNorm = array(floats(naming.outputNorm(), dim), dim);
        ModelWeights weights = new ModelWeights(tokenEmbedding, layers, outputNorm, output);
        return new Loaded(weights, stored, bytesInMemory);
    }

    private LayerWeights layer(int index) throws IOException {
        int dim = config.embeddingLength();
        int ffn = config.feedForwardLength();
        float attentionScale = (float) (1.0 / Math.sqrt(config.headDim()));
        boolean qkNorm = config.architecture().qkNorm();
        float queryScale = qkNorm ? 1f : attentionScale;
        return new LayerWeights(
                vector(index, ATTENTION_NORM, dim),
                fusedQkv(index, queryScale),
                config.architecture().qkvBias() ? fusedQkvBias(index, queryScale) : null,
                qkNorm ? qkNorm(index, attentionScale) : null,
                projection(floats(naming.layer(index, ATTENTION_OUTPUT), dim, config.queryDim()), dim,
                        config.queryDim()),
                vector(index, FFN_NORM, dim),
                projection(concat(floats(naming.layer(index, GATE), ffn, dim),
                        floats(naming.layer(index, UP), ffn, dim)), 2 * ffn, dim),
                projection(floats(naming.layer(index, DOWN), dim, ffn), dim, ffn));
    }

    /** Stacks the Q, K and V rows into one {@code [queryDim + 2 kvDim, dim]} matrix, Q scaled by queryScale. */
    private NDArray fusedQkv(int index, float queryScale) throws IOException {
        int dim = config.embeddingLength();
        float[] fused = concat(
                scaled(floats(naming.layer(index, QUERY), config.queryDim(), dim), queryScale),
                floats(naming.layer(index, KEY), config.kvDim(), dim),
                floats(naming.layer(index, VALUE), config.kvDim(), dim));
        return projection(fused, config.queryDim() + 2 * config.kvDim(), dim);
    }

    /** A stored {@code [out, in]} matrix as a contiguous {@code [in, out]} array. */
    private NDArray projection(float[] outIn, int out, int in) {
        return array(transpose(outIn, out, in), in, out);
    }

    /**
     * Row-major {@code [rows, columns]} to {@code [columns, rows]}, in 64 x 64 tiles so that both the reads and
     * the writes of a tile stay in cache (a plain double loop strides through memory on one side).
     */
    static float[] transpose(float[] values, int rows, int columns) {
        float[] transposed = new float[values.length];
        int tile = 64;
        for (int r0 = 0; r0 < rows; r0 += tile) {
            for (int c0 = 0; c0 < columns; c0 += tile) {
                int rEnd = Math.min(rows, r0 + tile);
                int cEnd = Math.min(columns, c0 + tile);
                for (int r = r0; r < rEnd; r++) {
                    for (int c = c0; c < cEnd; c++) {
                        transposed[c * rows + r] = values[r * columns + c];
                    }
                }
            }
        }
        return transposed;
    }

    private NDArray fusedQkvBias(int index, float queryScale) throws IOException {
        float[] fused = concat(
                scaled(floats(naming.layer(index, QUERY_BIAS), config.queryDim()), queryScale),
                floats(naming.layer(index, KEY_BIAS), config.kvDim()),
                floats(naming.layer(index, VALUE_BIAS), config.kvDim()));
        return array(fused, config.queryDim() + 2L * config.kvDim());
    }

    /** The per-head norm weights repeated per head, so one broadcast multiply serves all query and key heads. */
    private NDArray qkNorm(int index, float attentionScale) throws IOException {
        int headDim = config.headDim();
        float[] query = scaled(floats(naming.layer(index, QUERY_NORM), headDim), attentionScale);
        float[] key = floats(naming.layer(index, KEY_NORM), headDim);
        int heads = config.headCount() + config.headCountKv();
        float[] tiled = new float[heads * headDim];
        for (int head = 0; head < heads; head++) {
            System.arraycopy(head < config.headCount() ? query : key, 0, tiled, head * headDim, headDim);
        }
        return array(tiled, heads, headDim);
    }

    private NDArray vector(int index, LayerTensor tensor, int length) throws IOException {
        return array(floats(naming.layer(index, tensor), length), length);
    }

    /** Creates the array on the model's device, converting from F32 when computing in F16. */
    private NDArray array(float[] values, long... shape) {
        NDArray wide = manager.create(values, new Shape(shape));
        bytesInMemory += (long) values.length * dtype.getNumOfBytes();
        if (dtype == DataType.FLOAT32) {
            return wide;
        }
        NDArray narrow = wide.toType(dtype, false);
        wide.close();
        return narrow;
    }

    /** Reads a tensor whose row-major shape (slowest dim first, as PyTorch counts) must equal {@code shape}. */
    private float[] floats(String name, long... shape) throws IOException {
        StoredTensor tensor = store.find(name)
                .orElseThrow(() -> new ModelLoadException("tensor '" + name + "' is missing"));
        if (!Arrays.equals(tensor.shape(), shape)) {
            throw new ModelLoadException("tensor '" + name + "' must have shape " + Arrays.toString(shape)
                    + " (row-major), had " + Arrays.toString(tensor.shape()));
        }
        stored.merge(tensor.dtype(), new LoadReport.Stored(1, tensor.byteSize()),
                (sum, one) -> new LoadReport.Stored(sum.tensors() + 1, sum.bytes() + one.bytes()));
        return store.readFloats(tensor);
    }

    private static float[] scaled(float[] values, float scale) {
        for (int i = 0; i < values.length; i++) {
            values[i] *= scale;
        }
        return values;
    }

    private static float[] concat(float[]... parts) {
        int length = 0;
        for (float[] part : parts) {
            length += part.length;
        }
        float[] joined = new float[length];
        int at = 0;
        for (float[] part : parts) {
            System.arraycopy(part, 0, joined, at, part.length);
            at += part.length;
        }
        return joined;
    }
}
