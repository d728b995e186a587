package io.reasoner.engine.tokenizer;

import java.nio.charset.StandardCharsets;

/**
 * The bytes each byte-level BPE token renders to (llama.cpp's token_to_piece for GPT-2 vocabularies): normal
 * tokens are mapped back through {@link ByteLevel}, so one token may carry a fragment of a character;
 * user-defined tokens ({@code <think>}) render their text as is; control tokens ({@code <|im_end|>}) render nothing
 * unless special rendering is asked for; unknown and unused tokens render nothing.
 */
final class ByteLevelPieces implements TokenBytes {

    private static final byte[] NOTHING = new byte[0];

    private final byte[][] plain;
    private final byte[][] special;
    private final int bos;

    ByteLevelPieces(BpeVocabulary vocabulary) {
        int size = vocabulary.size();
        plain = new byte[size][];
        special = new byte[size][];
        for (int id = 0; id < size; id++) {
            String text = vocabulary.tokens().get(id);
            TokenType type = vocabulary.types().get(id);
            plain[id] = switch (type) {
                case NORMAL, UNDEFINED, BYTE -> bytesOfNormal(text);
                case USER_DEFINED -> text.getBytes(StandardCharsets.UTF_8);
                case CONTROL, UNKNOWN, UNUSED -> NOTHING;
            };
            special[id] = type == TokenType.CONTROL ? text.getBytes(StandardCharsets.UTF_8) : plain[id];
        }
        bos = vocabulary.bos();
    }

    /**
     * Some converted vocabularies carry a few normal tokens that are not byte-level (added tokens written as
     * normal); render those as their UTF-8 text rather than failing on them.
     */
    private static byte[] bytesOfNormal(String text) {
        try {
            return ByteLevel.decode(text);
        } catch (IllegalArgumentException notByteLevel) {
            return text.getBytes(StandardCharsets.UTF_8);
        }
    }

    @Override
    public byte[] bytes(int token, boolean renderSpecial) {
        if (token < 0 || token >= plain.length) {
            throw new IllegalArgumentException("token must be in [0, " + (plain.length - 1) + "], was " + token);
        }
        return renderSpecial ? special[token] : plain[token];
    }

    @Override
    public int bos() {
        return bos;
    }

    @Override
    public boolean stripSpaceAfterBos() {
        return false; // byte-level BPE prepends no space when encoding
    }
}
