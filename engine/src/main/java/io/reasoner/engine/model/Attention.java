package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Causal self-attention with grouped-query heads over a {@link KvCache}, for all rows of a step at once. Query
 * head h reads key/value head h / group (llama.cpp's and Hugging Face's {@code repeat_kv} convention), done
 * without copying keys: queries are grouped as {@code [kvHeads, group, ..., headDim]} and the keys broadcast over
 * the group axis in the batched matmul. Queries arrive pre-scaled by 1/sqrt(headDim) (see {@link LayerWeights}).
 *
 * <p><b>Single-token rows</b> (decoding) of different sequences attend in one padded, masked matmul over the
 * slot range they span: the cache's {@code [slots, kv, capacity, hd]} layout makes that range a strided view
 * {@code [span, kv, length, hd]}, padded to the longest sequence, with a mask hiding each slot's positions past
 * its length. The alternatives cost more on a CPU, measured for 16 sequences, 12 layers of 12 x 64 heads on a
 * 2-core EPYC: attending per sequence is ~10 tensor ops per sequence and layer, each with a fixed cost of
 * 5-30 us, ~60 ms a step at 48 tokens of context against ~6 ms padded; gathering each sequence's cache into a
 * padded copy (the usual way with per-sequence caches) copies every key and value again every layer, ~50 ms a
 * step at 530 tokens. The price of padding is arithmetic on the gap between a short sequence and the longest, and
 * on slots inside the range that have no row this step; keeping sequences in the lowest free slots keeps both
 * small.
 *
 * <p><b>Multi-token rows</b> (a prompt chunk) attend per append, with a causal mask: there are few per step.
 */
final class Attention {

    private final int heads;
    private final int kvHeads;
    private final int group;
    private final int headDim;
    private final DataType dtype;

    Attention(ModelConfig config, DataType dtype) {
        this.heads = config.headCount();
        this.kvHeads = config.headCountKv();
        this.group = config.queriesPerKvHead();
        this.headDim = config.headDim();
        this.dtype = dtype;
    }

    /**
     * Writes the step's keys and values into the cache, then attends.
     *
     * @param q {@code [rows, heads, headDim]}, rows in {@link StepPlan} order
     * @param k {@code [rows, kvHeads, headDim]}
     * @param v {@code [rows, kvHeads, headDim]}
     * @return {@code [rows, heads * headDim]}
     */
    NDArray apply(NDManager step, int layer, NDArray q, NDArray k, NDArray v, StepTensors in, KvCache cache,
                  ForwardTimer timer) {
        cache.write(layer, in.slotIndex(), in.positionIndex(), k, v);
        timer.lap(ForwardProfiler.Part.KV_WRITE);
        StepPlan plan = in.plan();
        NDList queries = splitRows(q, plan);
        NDList outputs = new NDList(queries.size());
        int part = 0;
        if (plan.singles() > 0) {
            outputs.add(singles(step, layer, queries.get(part++), in, cache));
        }
        for (int c = 0; c < plan.chunks().size(); c++) {
            outputs.add(chunk(step, layer, queries.get(part++), plan.chunks().get(c), in.chunkMasks().get(c), cache));
        }
        NDArray mixed = outputs.size() == 1 ? outputs.get(0) : NDArrays.concat(outputs, 0);
        timer.lap(ForwardProfiler.Part.ATTENTION);
        return mixed;
    }

    /** The queries of the single-token rows, then of each chunk. */
    private static NDList splitRows(NDArray q, StepPlan plan) {
        if (plan.chunks().isEmpty() || (plan.singles() == 0 && plan.chunks().size() == 1)) {
            return new NDList(q);
        }
        int parts = (plan.singles() > 0 ? 1 : 0) + plan.chunks().size();
        long[] bounds = new long[parts - 1];
        int b = 0;
        for (StepPlan.Chunk chunk : plan.chunks()) {
            if (chunk.row() > 0) {
                bounds[b++] = chunk.row();
            }
        }
        return q.split(bounds, 0);
    }

    private NDArray singles(NDManager step, int layer, NDArray q, StepTensors in, KvCache cache) {
        StepPlan plan = in.plan();
        int span = plan.span();
        int length = plan.singleLength();
        NDArray queries = q;
        if (!plan.packed()) {
            queries = step.zeros(new Shape(span, heads, headDim), dtype);
            queries.set(new NDIndex("{}", in.singleOffsets()), q);
        }
        NDArray grouped = queries.reshape(span, kvHeads, group, headDim);
        NDArray keys = cache.keys(step, layer, plan.firstSlot(), span, length);        // [span, kv, len, hd]
        NDArray scores = grouped.matMul(keys.transpose(0, 1, 3, 2));                     // [span, kv, g, len]
        if (in.singleMask() != null) {
            scores = scores.add(in.singleMask());
        }
        NDArray values = cache.values(step, layer, plan.firstSlot(), span, length);    // [span, kv, len, hd]
        NDArray mixed = softmax(scores).matMul(values).reshape(span, heads * headDim);
        return plan.packed() ? mixed : mixed.get(new NDIndex("{}", in.singleOffsets()));
    }

    private NDArray chunk(NDManager step, int layer, NDArray q, StepPlan.Chunk chunk, NDArray mask, KvCache cache) {
        int count = chunk.count();
        int length = chunk.start() + count;
        NDArray grouped = q.transpose(1, 0, 2).reshape(kvHeads, group, count, headDim);      // [kv, g, n, hd]
        NDArray keys = cache.keys(step, layer, chunk.slot(), length).expandDims(1);       // [kv, 1, len, hd]
        NDArray values = cache.values(step, layer, chunk.slot(), length).expandDims(1);   // [kv, 1, len, hd]
        NDArray mixed = masked(grouped, keys, values, mask);                              // [kv, g, n, hd]
        return mixed.reshape(heads, count, headDim).transpose(1, 0, 2).reshape(count, heads * headDim);
    }

    /**
     * Causal attention within each of {@code batch} equal-length sequences whose rows are laid out one sequence
     * after another, keys and values taken from the rows themselves rather than a cache: the whole-sequence
     * forward that training differentiates. It is {@link #chunk}'s arithmetic with a leading batch dim, so the
     * decoder and the trainer compute the same attention.
     *
     * @param q    {@code [batch * length, heads, headDim]}
     * @param k    {@code [batch * length, kvHeads, headDim]}
     * @param v    {@code [batch * length, kvHeads, headDim]}
     * @param mask {@code [length, length]}, {@code -inf} above the diagonal
     * @return {@code [batch * length, heads * headDim]}
     */
    NDArray causal(NDArray q, NDArray k, NDArray v, int batch, NDArray mask) {
        int length = (int) (q.getShape().get(0) / batch);
        NDArray grouped = q.reshape(batch, length, heads, headDim).transpose(0, 2, 1, 3)
                .reshape(batch, kvHeads, group, length, headDim);                                   // [b, kv, g, n, hd]
        NDArray keys = k.reshape(batch, length, kvHeads, headDim).transpose(0, 2, 1, 3).expandDims(2);
        NDArray values = v.reshape(batch, length, kvHeads, headDim).transpose(0, 2, 1, 3).expandDims(2);
        NDArray mixed = masked(grouped, keys, values, mask);                                        // [b, kv, g, n, hd]
        return mixed.reshape(batch, heads, length, headDim).transpose(0, 2, 1, 3)
                .reshape(batch * length, heads * headDim);
    }

    /** softmax(q k^T + mask) v over the last two dims; keys and values broadcast over the query-group axis. */
    private NDArray masked(NDArray grouped, NDArray keys, NDArray values, NDArray mask) {
        NDArray scores = grouped.matMul(keys.swapAxes(-1, -2)).add(mask);
        return softmax(scores).matMul(values);
    }

    /** Softmax over keys, in F32 whatever the compute type: exponents overflow 16 bits long before products do. */
    private NDArray softmax(NDArray scores) {
        return scores.toType(DataType.FLOAT32, false).softmax(-1).toType(dtype, false);
    }
}
