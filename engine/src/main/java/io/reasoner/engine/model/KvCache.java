package io.reasoner.engine.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Keys and values of every layer for a fixed number of sequence slots, preallocated per layer as
 * {@code [slots, kvHeads, capacity, headDim]} and written in place, so a step copies only the new tokens' keys
 * rather than re-concatenating the history. A lone {@link Sequence} is one slot; a {@link SequenceBatch} many.
 *
 * <p>Head-major within a slot so that what attention reads is a strided view, never a copy: a slot's keys for
 * positions {@code [0, length)} are {@code [kvHeads, length, headDim]} with unit stride on the last dim, which the
 * batched matmul hands straight to BLAS; and consecutive slots {@code [first, first + n)} fold into one batch dim,
 * which is what lets one matmul attend for many sequences at once (see {@link Attention}).
 *
 * <p>Allocated zeroed, up front: positions past a slot's length are masked out of attention, but a masked score
 * only vanishes if the stale value behind it is finite (0 x NaN is NaN), and allocating everything at creation
 * means a batch that was created can never run out of memory later.
 */
final class KvCache {

    private final NDArray[] keys;
    private final NDArray[] values;
    private final int slots;
    private final int capacity;

    /** Allocates in {@code manager}, which should belong to the owner (sequence or batch) so the cache dies with it. */
    KvCache(NDManager manager, ModelConfig config, int slots, int capacity, DataType dtype) {
        this.slots = slots;
        this.capacity = capacity;
        this.keys = new NDArray[config.blockCount()];
        this.values = new NDArray[config.blockCount()];
        Shape shape = new Shape(slots, config.headCountKv(), capacity, config.headDim());
        for (int layer = 0; layer < config.blockCount(); layer++) {
            keys[layer] = manager.zeros(shape, dtype);
            values[layer] = manager.zeros(shape, dtype);
        }
    }

    /** Bytes one token occupies across all layers: {@code layers x 2 (K and V) x kvHeads x headDim x element}. */
    static long bytesPerToken(ModelConfig config, DataType dtype) {
        return (long) config.blockCount() * 2 * config.headCountKv() * config.headDim() * dtype.getNumOfBytes();
    }

    int slots() {
        return slots;
    }

    int capacity() {
        return capacity;
    }

    /**
     * Stores row {@code i} of {@code key}/{@code value} ({@code [rows, kvHeads, headDim]}) at slot
     * {@code slotIndex[i]}, position {@code positionIndex[i]}: one scatter for all rows of a step, whichever
     * sequences they belong to.
     */
    void write(int layer, NDArray slotIndex, NDArray positionIndex, NDArray key, NDArray value) {
        NDIndex rows = new NDIndex("{}, :, {}", slotIndex, positionIndex);
        keys[layer].set(rows, key);
        values[layer].set(rows, value);
    }

    /** Keys of slot {@code slot}, positions {@code [0, length)}: a {@code [kvHeads, length, headDim]} view. */
    NDArray keys(NDManager step, int layer, int slot, int length) {
        return keys[layer].get(step, new NDIndex("{}, :, :{}", slot, length));
    }

    NDArray values(NDManager step, int layer, int slot, int length) {
        return values[layer].get(step, new NDIndex("{}, :, :{}", slot, length));
    }

    /** Keys of slots {@code [first, first + count)}, positions {@code [0, length)}: {@code [count, kv, length, hd]}. */
    NDArray keys(NDManager step, int layer, int first, int count, int length) {
        return keys[layer].get(step, new NDIndex("{}:{}, :, :{}", first, first + count, length));
    }

    NDArray values(NDManager step, int layer, int first, int count, int length) {
        return values[layer].get(step, new NDIndex("{}:{}, :, :{}", first, first + count, length));
    }
}
