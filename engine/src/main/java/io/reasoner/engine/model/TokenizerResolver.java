package io.reasoner.engine.model;

import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.tokenizer.Tokenizers;
import io.reasoner.engine.tokenizer.UnsupportedTokenizerException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Finds a model's tokenizer by asking, in order, the providers given in {@link LoadOptions}, those registered
 * with {@link ServiceLoader}, and finally the tokenizer package's built-in choice ({@link Tokenizers}); the first
 * answer wins.
 */
final class TokenizerResolver {

    static final String TOKENIZER_JSON = "tokenizer.json";

    private final List<TokenizerProvider> providers;

    TokenizerResolver(List<TokenizerProvider> explicit) {
        List<TokenizerProvider> all = new ArrayList<>(explicit);
        ServiceLoader.load(TokenizerProvider.class, TokenizerProvider.class.getClassLoader()).forEach(all::add);
        this.providers = List.copyOf(all);
    }

    /** @throws UnsupportedTokenizerException if neither a provider nor the built-in readers handle the file */
    Tokenizer forGguf(GgufMetadata metadata) {
        for (TokenizerProvider provider : providers) {
            Optional<Tokenizer> tokenizer = provider.fromGguf(metadata);
            if (tokenizer.isPresent()) {
                return tokenizer.get();
            }
        }
        return Tokenizers.fromGguf(metadata);
    }

    /**
     * @throws UnsupportedTokenizerException if no provider handles the folder and it has no {@code tokenizer.json}
     */
    Tokenizer forFolder(Path folder) throws IOException {
        for (TokenizerProvider provider : providers) {
            Optional<Tokenizer> tokenizer = provider.fromFolder(folder);
            if (tokenizer.isPresent()) {
                return tokenizer.get();
            }
        }
        if (!Files.isRegularFile(folder.resolve(TOKENIZER_JSON))) {
            throw new UnsupportedTokenizerException("no " + TOKENIZER_JSON + " in " + folder
                    + ", and no TokenizerProvider in LoadOptions or on the class path reads its tokenizer");
        }
        return Tokenizers.fromHuggingFaceFolder(folder);
    }
}
