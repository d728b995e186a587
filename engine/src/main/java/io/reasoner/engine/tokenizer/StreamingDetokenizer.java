package io.reasoner.engine.tokenizer;

/**
 * Turns a stream of tokens into text deltas as they are generated.
 *
 * <p>Contract: the concatenation of all deltas (plus {@link #flush()}) equals {@link Tokenizer#decode} of the same
 * tokens, and no delta ever ends inside a UTF-8 character. A character split across tokens (say the byte-fallback
 * tokens {@code <0xE4><0xBD><0xA0>} for 你, or an emoji spread over two byte-level BPE tokens) is held back until
 * its last byte arrives; bytes that can never form a valid character come out as U+FFFD once that is certain. For
 * SentencePiece vocabularies the space that encoding prepends is stripped from the first text after BOS (or at the
 * very start), so decoding from BOS yields "Once", not " Once".
 *
 * <p>Not thread-safe: use one per generation.
 */
public final class StreamingDetokenizer {

    private final TextDeltas deltas;

    StreamingDetokenizer(TokenBytes pieces, boolean renderSpecial) {
        this(new ByteDeltas(pieces, renderSpecial));
    }

    StreamingDetokenizer(TextDeltas deltas) {
        this.deltas = deltas;
    }

    /** Feeds one token and returns the text it completes: possibly empty, never a partial character. */
    public String accept(int token) {
        return deltas.accept(token);
    }

    /**
     * Feeds tokens whose text was already shown (a prompt), so that later deltas continue from them correctly;
     * their text is discarded.
     */
    public void skip(int[] tokens) {
        for (int token : tokens) {
            deltas.accept(token);
        }
    }

    /** Ends the stream: any bytes still held back cannot complete a character and come out as U+FFFD. */
    public String flush() {
        return deltas.flush();
    }

    /**
     * Bytes held back waiting for the rest of a character; zero exactly when nothing is held back. A detokenizer
     * over a Hugging Face {@code tokenizer.json} (which exposes decoded text, not bytes) counts held-back tokens.
     */
    public int pendingBytes() {
        return deltas.pending();
    }
}
