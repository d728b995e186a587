package io.reasoner.engine.tokenizer;

/**
 * Converts between text and token ids for one model. Implementations are immutable and thread-safe;
 * the detokenizers they hand out are not (one per generation).
 */
public interface Tokenizer {

    /** Encodes text, prefixed with BOS when the model asks for it ({@code tokenizer.ggml.add_bos_token}). */
    int[] encode(String text);

    /**
     * Encodes text, prefixed with BOS when {@code addBos}; the empty string gives no tokens (just BOS when
     * {@code addBos}). Special tokens written in the text ({@code <|im_start|>}) encode as their single ids for
     * tokenizers that have them (byte-level BPE, Hugging Face).
     *
     * @throws IllegalArgumentException if {@code addBos} but the model has no BOS token ({@link #bosToken()} -1)
     */
    int[] encode(String text, boolean addBos);

    /**
     * Decodes a whole sequence. Control tokens ({@code </s>}, {@code <|im_end|>}) render as nothing; user-defined
     * added tokens such as {@code <think>} render as their text. By default, the whole sequence through a fresh
     * streaming detokenizer, so both paths render alike.
     */
    default String decode(int[] tokens) {
        StreamingDetokenizer detokenizer = newDetokenizer();
        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            text.append(detokenizer.accept(token));
        }
        return text.append(detokenizer.flush()).toString();
    }

    /** A fresh streaming detokenizer that renders tokens as {@link #decode} does. */
    StreamingDetokenizer newDetokenizer();

    /**
     * The vocabulary string of a token, unrendered (e.g. {@code "▁Once"}, {@code "<0x0A>"}, {@code "</s>"}; byte-level
     * BPE spells a leading space {@code "Ġ"}).
     */
    String piece(int token);

    int vocabSize();

    /** The BOS id, or -1 for models that have none (Qwen): SentencePiece vocabularies always have one. */
    int bosToken();

    int eosToken();
}
