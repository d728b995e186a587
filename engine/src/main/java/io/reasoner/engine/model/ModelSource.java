package io.reasoner.engine.model;

import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.weights.TensorStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/**
 * A model opened for loading, whatever its format: everything read from metadata, and the still-unread tensors.
 * Closing it closes the files behind {@code store}.
 *
 * @param outputTiedWhenAbsent whether a missing output head means it shares the embedding's weights (always in
 *                             GGUF; in Hugging Face folders only when {@code tie_word_embeddings} says so)
 */
record ModelSource(String name, Path location, ModelConfig config, Tokenizer tokenizer, int bosToken,
                   int eosToken, TensorStore store, TensorNaming naming, boolean outputTiedWhenAbsent)
        implements AutoCloseable {

    ModelSource {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(location, "location");
        Objects.requireNonNull(config, "config");
        Objects.requireNonNull(tokenizer, "tokenizer");
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(naming, "naming");
    }

    /**
     * The BOS id to report, for tokenizers that may have none (-1). A model still needs a token to start from; the
     * end-of-document token that separated pre-training documents serves, and is what Qwen's config.json itself
     * names as BOS.
     */
    static int bosOrEos(int bos, int eos) {
        return bos >= 0 ? bos : eos;
    }

    ModelInfo info() {
        return new ModelInfo(name, config.architecture().id(), config.contextLength(), config.vocabSize(),
                bosToken, eosToken);
    }

    @Override
    public void close() throws IOException {
        store.close();
    }
}
