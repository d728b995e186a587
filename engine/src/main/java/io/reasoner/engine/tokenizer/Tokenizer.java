package io.reasoner.engine.tokenizer;

/**
 * Converts between text and token ids for one model. Implementations are immutable and thread-safe;
 * the detokenizers they hand out are not (one per generation).
 */
public interface Tokenizer {

    /** Encodes text, prefixed with BOS when the model asks for it ({@code tokenizer.ggml.add_bos_token}). */
    int[] encode(String text);

    /** Encodes text; the empty string gives no tokens (just BOS when {@code addBos}). */
    int[] encode(String text, boolean addBos);

    /** Decodes a whole sequence; special/control tokens render as nothing. */
    String decode(int[] tokens);

    /** A fresh streaming detokenizer that renders special/control tokens as nothing. */
    StreamingDetokenizer newDetokenizer();

    /** The vocabulary string of a token, unrendered (e.g. {@code "▁Once"}, {@code "<0x0A>"}, {@code "</s>"}). */
    String piece(int token);

    int vocabSize();

    int bosToken();

    int eosToken();
}
