package io.reasoner.engine.tokenizer;

import java.util.Arrays;

/**
 * GPT-2's reversible byte-to-character mapping ({@code bytes_to_unicode} in OpenAI's encoder.py), which byte-level
 * BPE vocabularies are written in. Printable Latin-1 bytes ({@code !}..{@code ~}, {@code ¡}..{@code ¬},
 * {@code ®}..{@code ÿ}) map to themselves; the other 68 bytes (controls, space, soft hyphen...) map, in byte
 * order, to U+0100 onwards, so a space becomes {@code Ġ} (U+0120) and a newline {@code Ċ} (U+010A). Every byte maps
 * to one BMP char, so a token's length in chars equals its length in bytes.
 */
final class ByteLevel {

    private static final char[] CHAR_OF_BYTE = new char[256];
    private static final int[] BYTE_OF_CHAR = new int[0x100 + 256];

    static {
        Arrays.fill(BYTE_OF_CHAR, -1);
        int next = 0x100;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            char c = printable ? (char) b : (char) next++;
            CHAR_OF_BYTE[b] = c;
            BYTE_OF_CHAR[c] = b;
        }
    }

    private ByteLevel() {
    }

    /** The byte-level spelling of some bytes, one char per byte. */
    static String encode(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            chars[i] = CHAR_OF_BYTE[bytes[i] & 0xFF];
        }
        return new String(chars);
    }

    static char charOf(int unsignedByte) {
        return CHAR_OF_BYTE[unsignedByte];
    }

    /**
     * The bytes a byte-level token stands for.
     *
     * @throws IllegalArgumentException if the text has a char outside the mapping (not a byte-level token)
     */
    static byte[] decode(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            int b = c < BYTE_OF_CHAR.length ? BYTE_OF_CHAR[c] : -1;
            if (b < 0) {
                throw new IllegalArgumentException(String.format(
                        "'%s' is not byte-level text: U+%04X at %d has no byte", text, (int) c, i));
            }
            bytes[i] = (byte) b;
        }
        return bytes;
    }
}
