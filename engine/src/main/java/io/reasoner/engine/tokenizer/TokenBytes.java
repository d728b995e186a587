package io.reasoner.engine.tokenizer;

/**
 * The bytes each token of a vocabulary renders to, which is all a byte-level {@link StreamingDetokenizer} needs to
 * know about a tokenizer. Implementations precompute them once per vocabulary and are immutable.
 */
interface TokenBytes {

    /**
     * The rendered UTF-8 bytes (possibly a fragment of a character); callers must not modify the array.
     *
     * @param renderSpecial whether control tokens show their text instead of nothing
     */
    byte[] bytes(int token, boolean renderSpecial);

    /** The BOS id, or -1 if the vocabulary has none. */
    int bos();

    /** Whether the space that encoding prepended should be removed from the first text after BOS. */
    boolean stripSpaceAfterBos();
}
