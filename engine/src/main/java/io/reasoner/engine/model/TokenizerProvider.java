package io.reasoner.engine.model;

import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Supplies tokenizers in place of, or beyond, the built-in choice of
 * {@link io.reasoner.engine.tokenizer.Tokenizers}. A provider answers empty for models it does not handle, so
 * several can be asked in turn.
 *
 * <p>Providers reach the loader in two ways: passed in {@link LoadOptions#tokenizers()} (tried first), or
 * registered for {@link java.util.ServiceLoader} by listing the implementing class, which needs a public no-arg
 * constructor, in {@code META-INF/services/io.reasoner.engine.model.TokenizerProvider} (tried next). The built-in
 * choice comes last. A tokenizer that is also {@link AutoCloseable} (one holding native resources) is closed with
 * the model. Implementations must be thread-safe.
 */
public interface TokenizerProvider {

    /**
     * The tokenizer a GGUF file embeds, e.g. GPT-2 byte-level BPE for {@code tokenizer.ggml.model = gpt2}.
     *
     * @return empty if this provider does not handle the file's {@code tokenizer.ggml.model}
     */
    default Optional<Tokenizer> fromGguf(GgufMetadata metadata) {
        return Optional.empty();
    }

    /**
     * The tokenizer of a Hugging Face model folder ({@code tokenizer.json}, {@code tokenizer_config.json}, ...).
     *
     * @return empty if this provider does not handle the folder
     */
    default Optional<Tokenizer> fromFolder(Path modelFolder) throws IOException {
        return Optional.empty();
    }
}
