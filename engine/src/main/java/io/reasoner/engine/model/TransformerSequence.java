package io.reasoner.engine.model;

import ai.djl.ndarray.NDManager;

/** A {@link Sequence} over a {@link TransformerForward}; its KV cache lives in its own sub-manager of the model's. */
final class TransformerSequence implements Sequence {

    private final TransformerForward forward;
    private final NDManager manager;
    private final KvCache cache;
    private final int vocabSize;
    private int length;
    private boolean closed;

    TransformerSequence(TransformerForward forward, NDManager manager, ModelConfig config, int capacity) {
        this.forward = forward;
        this.manager = manager;
        this.cache = new KvCache(manager, config, capacity, forward.dtype());
        this.vocabSize = config.vocabSize();
    }

    @Override
    public float[] prefill(int[] tokens) {
        checkAppend(tokens);
        // Everything the step allocates dies with this sub-manager; only the logits leave, as a Java array.
        try (NDManager step = manager.newSubManager()) {
            float[] logits = forward.logits(step, tokens, length, cache).toFloatArray();
            length += tokens.length;
            return logits;
        }
    }

    @Override
    public float[] step(int token) {
        return prefill(new int[] {token});
    }

    private void checkAppend(int[] tokens) {
        if (closed) {
            throw new IllegalStateException("sequence is closed");
        }
        if (tokens.length == 0) {
            throw new IllegalArgumentException("tokens must not be empty");
        }
        for (int token : tokens) {
            if (token < 0 || token >= vocabSize) {
                throw new IllegalArgumentException("token must be in [0, " + (vocabSize - 1) + "], was " + token);
            }
        }
        if (tokens.length > cache.capacity() - length) {
            throw new SequenceCapacityException(length, cache.capacity(), tokens.length);
        }
    }

    @Override
    public int length() {
        return length;
    }

    @Override
    public int capacity() {
        return cache.capacity();
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            manager.close();
        }
    }
}
