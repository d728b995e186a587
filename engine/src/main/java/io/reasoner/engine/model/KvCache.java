package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of every layer for one sequence, preallocated as {@code [capacity, kvHeads, headDim]} per
 * layer and written in place with {@code NDArray.set} (an in-place {@code index_put_} in DJL's PyTorch engine),
 * so a step copies one token's keys rather than re-concatenating the whole history.
 *
 * <p>Measured per layer and step on a 2-core CPU, writing one token then reading the prefix: with stories260K's
 * 4 x 8 KV heads the two are equal (~50 us, op overhead dominates); with 8 x 128 heads over 2000 tokens,
 * preallocation costs ~0.2 ms and growing by concatenation ~1 ms, rising with length.
 */
final class KvCache {

    private final NDArray[] keys;
    private final NDArray[] values;
    private final int capacity;

    /** Allocates in {@code manager}, which should belong to the sequence so the cache dies with it. */
    KvCache(NDManager manager, ModelConfig config, int capacity, DataType dtype) {
        this.capacity = capacity;
        this.keys = new NDArray[config.blockCount()];
        this.values = new NDArray[config.blockCount()];
        Shape shape = new Shape(capacity, config.headCountKv(), config.headDim());
        for (int layer = 0; layer < config.blockCount(); layer++) {
            keys[layer] = manager.zeros(shape, dtype);
            values[layer] = manager.zeros(shape, dtype);
        }
    }

    int capacity() {
        return capacity;
    }

    /** Stores {@code key}/{@code value} ({@code [count, kvHeads, headDim]}) at positions {@code [start, start + count)}. */
    void write(int layer, int start, NDArray key, NDArray value) {
        NDIndex rows = new NDIndex("{}:{}", start, start + key.getShape().get(0));
        keys[layer].set(rows, key);
        values[layer].set(rows, value);
    }

    /** Keys of positions {@code [0, length)}, as an array owned by {@code step}. */
    NDArray keys(NDManager step, int layer, int length) {
        return keys[layer].get(step, new NDIndex(":{}", length));
    }

    NDArray values(NDManager step, int layer, int length) {
        return values[layer].get(step, new NDIndex(":{}", length));
    }
}
