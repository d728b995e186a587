package io.reasoner.s1mini.vocab;

import java.nio.charset.StandardCharsets;

/**
 * GPT-2's byte-level alphabet: each byte is spelled as one printable character, so that BPE tokens are strings
 * without spaces or control characters (a space is {@code Ġ}, a newline {@code Ċ}). Printable Latin-1 bytes stand
 * for themselves; the other 68 map to U+0100 onwards, in byte order. It is the table the engine's byte-level
 * BPE decoder inverts, written out here because the vocabulary is built here.
 */
final class ByteAlphabet {

    private static final char[] CHAR_OF_BYTE = new char[256];

    static {
        int next = 0;
        for (int b = 0; b < 256; b++) {
            boolean printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
            CHAR_OF_BYTE[b] = printable ? (char) b : (char) (0x100 + next++);
        }
    }

    private ByteAlphabet() {
    }

    static char charOf(int unsignedByte) {
        return CHAR_OF_BYTE[unsignedByte];
    }

    /** The text's UTF-8 bytes, spelled in the alphabet. */
    static String spell(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        StringBuilder spelled = new StringBuilder(bytes.length);
        for (byte b : bytes) {
            spelled.append(CHAR_OF_BYTE[b & 0xFF]);
        }
        return spelled.toString();
    }
}
