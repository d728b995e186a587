package io.reasoner.engine.model;

import ai.djl.ndarray.NDManager;
import io.reasoner.engine.tokenizer.Tokenizer;

/** A Llama model whose weights are held in one NDManager; sequences get sub-managers of it. */
final class LlamaModel implements LanguageModel {

    private final ModelInfo info;
    private final Tokenizer tokenizer;
    private final LlamaConfig config;
    private final LlamaForward forward;
    private final NDManager manager;

    LlamaModel(ModelInfo info, Tokenizer tokenizer, LlamaConfig config, LlamaWeights weights, NDManager manager) {
        this.info = info;
        this.tokenizer = tokenizer;
        this.config = config;
        this.forward = new LlamaForward(config, weights, manager);
        this.manager = manager;
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
    public Sequence newSequence(int maxTokens) {
        if (maxTokens < 1 || maxTokens > config.contextLength()) {
            throw new IllegalArgumentException("maxTokens must be in [1, " + config.contextLength() + "], was "
                    + maxTokens);
        }
        return new LlamaSequence(forward, manager.newSubManager(), config, maxTokens);
    }

    /** Native arrays held by the model and all its open sequences; for leak tests. */
    int liveArrayCount() {
        return manager.getManagedArrays().size();
    }

    @Override
    public void close() {
        manager.close();
    }
}
