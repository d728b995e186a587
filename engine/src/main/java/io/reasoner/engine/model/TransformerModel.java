package io.reasoner.engine.model;

import ai.djl.ndarray.NDManager;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.weights.LoadReport;
import java.util.Optional;

/** A transformer whose weights are held in one NDManager; sequences get sub-managers of it. */
final class TransformerModel implements LanguageModel {

    /** At most this many slots: far beyond what one CPU or GPU decodes at once, it only catches nonsense. */
    static final int MAX_SLOTS = 4096;

    private final ModelInfo info;
    private final Tokenizer tokenizer;
    private final ModelConfig config;
    private final TransformerForward forward;
    private final NDManager manager;
    private final LoadReport loadReport;

    TransformerModel(ModelInfo info, Tokenizer tokenizer, ModelConfig config, TransformerForward forward,
                     NDManager manager, LoadReport loadReport) {
        this.info = info;
        this.tokenizer = tokenizer;
        this.config = config;
        this.forward = forward;
        this.manager = manager;
        this.loadReport = loadReport;
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public Tokenizer tokenizer() {
        return tokenizer;
    }

    @Override
    public Optional<LoadReport> loadReport() {
        return Optional.of(loadReport);
    }

    @Override
    public Sequence newSequence(int maxTokens) {
        if (maxTokens < 1 || maxTokens > config.contextLength()) {
            throw new IllegalArgumentException("maxTokens must be in [1, " + config.contextLength() + "], was "
                    + maxTokens);
        }
        return new TransformerSequence(new TransformerBatch(forward, manager.newSubManager(), config, 1, maxTokens));
    }

    @Override
    public SequenceBatch newBatch(int slots, int slotCapacity) {
        if (slots < 1 || slots > MAX_SLOTS) {
            throw new IllegalArgumentException("slots must be in [1, " + MAX_SLOTS + "], was " + slots);
        }
        if (slotCapacity < 1 || slotCapacity > config.contextLength()) {
            throw new IllegalArgumentException("slotCapacity must be in [1, " + config.contextLength() + "], was "
                    + slotCapacity);
        }
        return new TransformerBatch(forward, manager.newSubManager(), config, slots, slotCapacity);
    }

    @Override
    public long kvBytesPerToken() {
        return KvCache.bytesPerToken(config, forward.dtype());
    }

    /** Native arrays held by the model and all its open sequences; for leak tests. */
    int liveArrayCount() {
        return manager.getManagedArrays().size();
    }

    /** Frees the weights, and the tokenizer too when it holds native resources (it is then closeable). */
    @Override
    public void close() {
        manager.close();
        if (tokenizer instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                throw new IllegalStateException("closing the tokenizer of " + info.name() + " failed", e);
            }
        }
    }
}
