package io.reasoner.engine.batch;

import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.model.SequenceCapacityException;

/**
 * One sequence of a {@link BatchingModel}: a slot of its decoder, joined at the first prefill. Checks what it can
 * on the caller's thread (vocabulary, capacity), so that a bad token never reaches the shared step.
 *
 * <p>Not thread-safe, like every {@link Sequence}: one request thread drives it.
 */
final class BatchedSequence implements Sequence {

    private final BatchingModel owner;
    private final int capacity;
    private final int vocabSize;
    private SequenceId id;
    private int length;
    private boolean closed;

    BatchedSequence(BatchingModel owner, int capacity) {
        this.owner = owner;
        this.capacity = capacity;
        this.vocabSize = owner.info().vocabSize();
    }

    SequenceId id() {
        return id;
    }

    void joined(SequenceId joinedId) {
        this.id = joinedId;
    }

    @Override
    public float[] prefill(int[] tokens) {
        ensureOpen();
        if (tokens.length == 0) {
            throw new IllegalArgumentException("tokens must not be empty");
        }
        checkFits(tokens.length);
        for (int token : tokens) {
            checkToken(token);
        }
        float[] logits = owner.prefill(this, tokens.clone());
        length += tokens.length;
        return logits;
    }

    @Override
    public float[] step(int token) {
        ensureOpen();
        if (id == null) {
            return prefill(new int[] {token});
        }
        checkFits(1);
        checkToken(token);
        float[] logits = owner.step(this, token);
        length++;
        return logits;
    }

    @Override
    public void truncate(int newLength) {
        ensureOpen();
        if (newLength < 0 || newLength > length) {
            throw new IllegalArgumentException("newLength must be in [0, " + length + "], was " + newLength);
        }
        if (id != null) {
            owner.truncate(this, newLength);
        }
        length = newLength;
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int capacity() {
        return capacity;
    }

    /** Gives the slot back; idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            owner.leave(this);
        }
    }

    private void checkFits(int more) {
        if (more > capacity - length) {
            throw new SequenceCapacityException(length, capacity, more);
        }
    }

    private void checkToken(int token) {
        if (token < 0 || token >= vocabSize) {
            throw new IllegalArgumentException("token must be in [0, " + (vocabSize - 1) + "], was " + token);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new IllegalStateException("sequence is closed");
        }
    }
}
