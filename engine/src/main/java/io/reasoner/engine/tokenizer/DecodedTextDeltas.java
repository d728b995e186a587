package io.reasoner.engine.tokenizer;

import java.util.Arrays;
import java.util.function.Function;

/**
 * Text deltas for a tokenizer that can only decode whole sequences (the Rust Hugging Face tokenizer behind DJL):
 * after each token, decode a short window of recent tokens and emit what the new token added to its text.
 *
 * <p>The window starts one emitted step back ({@code prefixStart}) so decoders that treat the start of a
 * sequence specially (Metaspace dropping a leading space) see the same context as in a full decode. A decoded
 * text ending in U+FFFD means the newest token ended inside a character (the decoder replaced the incomplete
 * bytes), so nothing is emitted until a later token completes it; {@link #flush()} then gives up and emits the
 * replacement characters, as a full decode would. This is the scheme of Hugging Face's text-generation-inference.
 */
final class DecodedTextDeltas implements TextDeltas {

    private final Function<int[], String> decoder;
    private int[] tokens = new int[64];
    private int count;
    private int prefixStart;
    private int readStart;

    /** @param decoder decodes a token sequence to text, rendering special tokens as the tokenizer's decode does */
    DecodedTextDeltas(Function<int[], String> decoder) {
        this.decoder = decoder;
    }

    @Override
    public String accept(int token) {
        if (count == tokens.length) {
            tokens = Arrays.copyOf(tokens, count * 2);
        }
        tokens[count++] = token;
        String emitted = decode(prefixStart, readStart);
        String extended = decode(prefixStart, count);
        if (extended.length() <= emitted.length() || extended.endsWith("\uFFFD")) {
            return "";
        }
        prefixStart = readStart;
        readStart = count;
        compact();
        return extended.substring(emitted.length());
    }

    @Override
    public String flush() {
        String emitted = decode(prefixStart, readStart);
        String all = decode(prefixStart, count);
        prefixStart = count;
        readStart = count;
        return all.length() > emitted.length() ? all.substring(emitted.length()) : "";
    }

    /**
     * In tokens, not bytes: this decoder sees only text, so it counts the tokens held back since the last delta
     * (zero exactly when nothing is held back, as for byte-based detokenizers).
     */
    @Override
    public int pending() {
        return count - readStart;
    }

    private String decode(int from, int to) {
        return from == to ? "" : decoder.apply(Arrays.copyOfRange(tokens, from, to));
    }

    /** Drops tokens before the window so a long generation does not keep every token. */
    private void compact() {
        if (prefixStart > tokens.length / 2) {
            System.arraycopy(tokens, prefixStart, tokens, 0, count - prefixStart);
            count -= prefixStart;
            readStart -= prefixStart;
            prefixStart = 0;
        }
    }
}
