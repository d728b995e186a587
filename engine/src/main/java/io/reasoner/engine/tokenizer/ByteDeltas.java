package io.reasoner.engine.tokenizer;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Text deltas from the bytes each token renders to ({@link TokenBytes}): bytes accumulate until they end on a
 * character boundary. A character split across tokens (the byte-fallback tokens {@code <0xE4><0xBD><0xA0>} for 你,
 * or two byte-level BPE tokens of an emoji) is held back until its last byte arrives; bytes that can never form a
 * valid character come out as U+FFFD once that is certain. The space that SentencePiece encoding prepends is
 * stripped from the first text after BOS (or at the very start), so decoding from BOS yields "Once", not " Once".
 */
final class ByteDeltas implements TextDeltas {

    private final TokenBytes pieces;
    private final boolean renderSpecial;
    private byte[] pending = new byte[16];
    private int pendingLength;
    private boolean atStart = true;

    ByteDeltas(TokenBytes pieces, boolean renderSpecial) {
        this.pieces = pieces;
        this.renderSpecial = renderSpecial;
    }

    @Override
    public String accept(int token) {
        if (token == pieces.bos()) {
            atStart = true;
        }
        byte[] bytes = pieces.bytes(token, renderSpecial);
        int from = 0;
        if (atStart && bytes.length > 0) {
            atStart = false;
            if (pieces.stripSpaceAfterBos() && bytes[0] == ' ') {
                from = 1;
            }
        }
        append(bytes, from);
        return take(completePrefixLength(pending, pendingLength));
    }

    @Override
    public String flush() {
        return take(pendingLength);
    }

    /** In bytes: the UTF-8 bytes held back waiting for the rest of a character. */
    @Override
    public int pending() {
        return pendingLength;
    }

    private void append(byte[] bytes, int from) {
        int count = bytes.length - from;
        if (pendingLength + count > pending.length) {
            pending = Arrays.copyOf(pending, Math.max(pending.length * 2, pendingLength + count));
        }
        System.arraycopy(bytes, from, pending, pendingLength, count);
        pendingLength += count;
    }

    private String take(int count) {
        if (count == 0) {
            return "";
        }
        String text = new String(pending, 0, count, StandardCharsets.UTF_8);
        System.arraycopy(pending, count, pending, 0, pendingLength - count);
        pendingLength -= count;
        return text;
    }

    /**
     * Length of the longest prefix that does not end inside a UTF-8 character. Only the last character can be
     * incomplete, so look back at most three continuation bytes (10xxxxxx) for its lead byte and compare the
     * length the lead byte announces (110xxxxx: 2, 1110xxxx: 3, 11110xxx: 4) with the bytes present.
     */
    static int completePrefixLength(byte[] bytes, int length) {
        int lead = length - 1;
        while (lead >= 0 && length - lead <= 3 && (bytes[lead] & 0xC0) == 0x80) {
            lead--;
        }
        if (lead < 0 || (bytes[lead] & 0xC0) == 0x80) {
            return length; // stray continuation bytes: malformed whatever follows, let the decoder replace them
        }
        int b = bytes[lead] & 0xFF;
        int announced = b >= 0xF0 && b <= 0xF7 ? 4 : b >= 0xE0 && b <= 0xEF ? 3 : b >= 0xC0 && b <= 0xDF ? 2 : 1;
        return length - lead < announced ? lead : length;
    }
}
