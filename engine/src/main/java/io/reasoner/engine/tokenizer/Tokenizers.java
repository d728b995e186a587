package io.reasoner.engine.tokenizer;

import io.reasoner.engine.gguf.GgufMetadata;
import java.nio.file.Path;

/** Picks the tokenizer a model needs: the seam the model loader calls. */
public final class Tokenizers {

    private Tokenizers() {
    }

    /**
     * The tokenizer embedded in a GGUF file, by {@code tokenizer.ggml.model}: {@code llama} is SentencePiece
     * ({@link SentencePieceTokenizer}), {@code gpt2} is byte-level BPE ({@link BpeTokenizer}).
     *
     * @throws UnsupportedTokenizerException for any other tokenizer model, or none
     */
    public static Tokenizer fromGguf(GgufMetadata metadata) {
        String model = metadata.findString("tokenizer.ggml.model").orElseThrow(
                () -> new UnsupportedTokenizerException("the GGUF file has no tokenizer.ggml.model"));
        return switch (model) {
            case "llama" -> SentencePieceTokenizer.fromGguf(metadata);
            case "gpt2" -> BpeTokenizer.fromGguf(metadata);
            default -> throw new UnsupportedTokenizerException("tokenizer.ggml.model '" + model
                    + "' is not supported (supported: llama = SentencePiece, gpt2 = byte-level BPE)");
        };
    }

    /**
     * The tokenizer of a Hugging Face model folder, run by the Rust tokenizers library (DJL). The caller closes it
     * when done with the model.
     */
    public static DjlHuggingFaceTokenizer fromHuggingFaceFolder(Path folder) {
        return HuggingFaceTokenizers.fromFolder(folder);
    }
}
