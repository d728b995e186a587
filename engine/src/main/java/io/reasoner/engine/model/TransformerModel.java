package io.reasoner.engine.model;

import ai.djl.ndarray.NDManager;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.weights.LoadReport;
import java.util.Optional;

/** A transformer whose weights are held in one NDManager; sequences get sub-managers of it. */
final class TransformerModel implements LanguageModel {

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
        return new TransformerSequence(forward, manager.newSubManager(), config, maxTokens);
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
