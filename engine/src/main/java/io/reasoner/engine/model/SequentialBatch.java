package io.reasoner.engine.model;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@link SequenceBatch} of a model without a batched forward pass (test doubles): one {@link Sequence} per
 * slot, opened on its first append, and one forward pass per slot. Same contract, none of the speed.
 */
final class SequentialBatch implements SequenceBatch {

    private final LanguageModel model;
    private final int capacity;
    private final Sequence[] sequences;
    private boolean closed;

    SequentialBatch(LanguageModel model, int slots, int capacity) {
        if (slots < 1) {
            throw new IllegalArgumentException("slots must be >= 1, was " + slots);
        }
        if (capacity < 1 || capacity > model.info().contextLength()) {
            throw new IllegalArgumentException("slotCapacity must be in [1, " + model.info().contextLength()
                    + "], was " + capacity);
        }
        this.model = model;
        this.capacity = capacity;
        this.sequences = new Sequence[slots];
    }

    @Override
    public int slots() {
        return sequences.length;
    }

    @Override
    public int slotCapacity() {
        return capacity;
    }

    @Override
    public long kvBytesPerSlot() {
        return model.kvBytesPerToken() * capacity;
    }

    @Override
    public int length(int slot) {
        checkSlot(slot);
        return sequences[slot] == null ? 0 : sequences[slot].length();
    }

    @Override
    public List<float[]> append(List<SlotAppend> appends) {
        if (closed) {
            throw new IllegalStateException("batch is closed");
        }
        if (appends.isEmpty()) {
            throw new IllegalArgumentException("appends must not be empty");
        }
        Set<Integer> seen = new HashSet<>();
        for (SlotAppend append : appends) {
            checkSlot(append.slot());
            if (!seen.add(append.slot())) {
                throw new IllegalArgumentException("slot " + append.slot() + " appears more than once in one step");
            }
            if (append.tokens().length > capacity - length(append.slot())) {
                throw new SequenceCapacityException(length(append.slot()), capacity, append.tokens().length);
            }
        }
        List<float[]> logits = new ArrayList<>(appends.size());
        for (SlotAppend append : appends) {
            if (sequences[append.slot()] == null) {
                sequences[append.slot()] = model.newSequence(capacity);
            }
            logits.add(sequences[append.slot()].prefill(append.tokens()));
        }
        return logits;
    }

    /** Emptying a slot closes its sequence; a shorter length needs {@link Sequence#truncate}. */
    @Override
    public void truncate(int slot, int newLength) {
        int length = length(slot);
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("newLength must be in [0, " + length + "], was " + newLength);
        }
        if (newLength == 0 && sequences[slot] != null) {
            sequences[slot].close();
            sequences[slot] = null;
        } else if (newLength < length) {
            sequences[slot].truncate(newLength);
        }
    }

    private void checkSlot(int slot) {
        if (slot < 0 || slot >= sequences.length) {
            throw new IllegalArgumentException("slot must be in [0, " + (sequences.length - 1) + "], was " + slot);
        }
    }

    @Override
    public void close() {
        closed = true;
        for (int slot = 0; slot < sequences.length; slot++) {
            if (sequences[slot] != null) {
                sequences[slot].close();
                sequences[slot] = null;
            }
        }
    }
}
