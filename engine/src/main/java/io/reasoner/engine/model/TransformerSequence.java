package io.reasoner.engine.model;

import java.util.List;

/** A {@link Sequence} as the only slot of a {@link TransformerBatch}, which does the checking and the work. */
final class TransformerSequence implements Sequence {

    private final TransformerBatch batch;

    TransformerSequence(TransformerBatch batch) {
        if (batch.slots() != 1) {
            throw new IllegalArgumentException("batch must have 1 slot, had " + batch.slots());
        }
        this.batch = batch;
    }

    @Override
    public float[] prefill(int[] tokens) {
        checkOpen();
        return batch.append(List.of(new SlotAppend(0, tokens))).get(0);
    }

    @Override
    public float[] step(int token) {
        return prefill(new int[] {token});
    }

    /** Moves the length back; the abandoned keys and values are overwritten by the next append. */
    @Override
    public void truncate(int newLength) {
        checkOpen();
        batch.truncate(0, newLength);
    }

    private void checkOpen() {
        if (batch.isClosed()) {
            throw new IllegalStateException("sequence is closed");
        }
    }

    @Override
    public int length() {
        return batch.length(0);
    }

    @Override
    public int capacity() {
        return batch.slotCapacity();
    }

    @Override
    public void close() {
        batch.close();
    }
}
