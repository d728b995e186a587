package io.reasoner.engine.model;

import ai.djl.ndarray.NDManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link SequenceBatch} over a {@link TransformerForward}: one {@link KvCache} of {@code slots} slots in its own
 * sub-manager of the model's, and each slot's length. Rolling a slot back ({@link #truncate}) only moves its
 * length: later writes overwrite the abandoned keys, and attention never reads past the length.
 */
final class TransformerBatch implements SequenceBatch {

    private final TransformerForward forward;
    private final NDManager manager;
    private final KvCache cache;
    private final int vocabSize;
    private final long kvBytesPerSlot;
    private final int[] lengths;
    private boolean closed;

    TransformerBatch(TransformerForward forward, NDManager manager, ModelConfig config, int slots, int capacity) {
        this.forward = forward;
        this.manager = manager;
        this.cache = new KvCache(manager, config, slots, capacity, forward.dtype());
        this.vocabSize = config.vocabSize();
        this.kvBytesPerSlot = KvCache.bytesPerToken(config, forward.dtype()) * capacity;
        this.lengths = new int[slots];
    }

    @Override
    public int slots() {
        return cache.slots();
    }

    @Override
    public int slotCapacity() {
        return cache.capacity();
    }

    @Override
    public long kvBytesPerSlot() {
        return kvBytesPerSlot;
    }

    @Override
    public int length(int slot) {
        checkSlot(slot);
        return lengths[slot];
    }

    @Override
    public List<float[]> append(List<SlotAppend> appends) {
        List<Append> planned = check(appends);
        // Everything the step allocates dies with this sub-manager; only the logits leave, as Java arrays.
        float[][] logits;
        try (NDManager step = manager.newSubManager()) {
            logits = forward.logits(step, planned, cache);
        }
        for (Append append : planned) {
            lengths[append.slot()] = append.end();
        }
        return Arrays.asList(logits);
    }

    /** Validates every entry before anything runs, so a refused call leaves every slot as it was. */
    private List<Append> check(List<SlotAppend> appends) {
        if (closed) {
            throw new IllegalStateException("batch is closed");
        }
        if (appends.isEmpty()) {
            throw new IllegalArgumentException("appends must not be empty");
        }
        List<Append> planned = new ArrayList<>(appends.size());
        Set<Integer> seen = new HashSet<>();
        for (SlotAppend append : appends) {
            checkSlot(append.slot());
            if (!seen.add(append.slot())) {
                throw new IllegalArgumentException("slot " + append.slot() + " appears more than once in one step");
            }
            for (int token : append.tokens()) {
                if (token < 0 || token >= vocabSize) {
                    throw new IllegalArgumentException("token must be in [0, " + (vocabSize - 1) + "], was " + token);
                }
            }
            int length = lengths[append.slot()];
            if (append.tokens().length > cache.capacity() - length) {
                throw new SequenceCapacityException(length, cache.capacity(), append.tokens().length);
            }
            planned.add(new Append(append.slot(), length, append.tokens()));
        }
        return planned;
    }

    @Override
    public void truncate(int slot, int newLength) {
        if (closed) {
            throw new IllegalStateException("batch is closed");
        }
        checkSlot(slot);
        if (newLength < 0 || newLength > lengths[slot]) {
            throw new IllegalArgumentException("newLength must be in [0, " + lengths[slot] + "], was " + newLength);
        }
        lengths[slot] = newLength;
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= lengths.length) {
            throw new IllegalArgumentException("slot must be in [0, " + (lengths.length - 1) + "], was " + slot);
        }
    }

    boolean isClosed() {
        return closed;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
