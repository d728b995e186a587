package io.reasoner.engine.tokenizer;

import java.nio.file.Path;

/**
 * Tokenizers from a Hugging Face model folder ({@code tokenizer.json}, optionally {@code tokenizer_config.json}):
 * the reference implementation through DJL, or the pure-Java byte-level BPE for the formats it covers.
 */
public final class HuggingFaceTokenizers {

    private HuggingFaceTokenizers() {
    }

    /** The Rust tokenizer through DJL; the caller closes it. See {@link DjlHuggingFaceTokenizer}. */
    public static DjlHuggingFaceTokenizer fromFolder(Path folder) {
        return DjlHuggingFaceTokenizer.fromFolder(folder);
    }

    /**
     * The same tokenizer as {@link BpeTokenizer}, for byte-level BPE {@code tokenizer.json} files (Qwen, GPT-2,
     * Llama 3 style); no native code.
     *
     * @throws UnsupportedTokenizerException if the file uses features this loader does not implement
     */
    public static BpeTokenizer bpeFromFolder(Path folder) {
        return HuggingFaceBpeLoader.load(TokenizerJson.readFolder(folder),
                HuggingFaceTokenizerConfig.readFolder(folder));
    }
}
