package io.reasoner.engine.tokenizer;

import java.nio.charset.StandardCharsets;

/**
 * The bytes each SentencePiece token renders to when decoding, precomputed once per vocabulary (llama.cpp's
 * token_to_piece).
 * Normal and user-defined tokens render their text with {@code ▁} as a space; byte tokens {@code <0xXX>} render
 * the single byte; the unknown token renders {@code ▅}; control and unused tokens render nothing unless special
 * rendering is asked for, in which case their text is shown verbatim.
 */
final class PieceTable implements TokenBytes {

    private static final byte[] NOTHING = new byte[0];
    private static final byte[] UNKNOWN_MARK = "\u2585".getBytes(StandardCharsets.UTF_8);

    private final byte[][] plain;
    private final byte[][] special;
    private final int bos;
    private final boolean stripSpaceAfterBos;

    PieceTable(Vocabulary vocabulary) {
        int size = vocabulary.size();
        plain = new byte[size][];
        special = new byte[size][];
        for (int id = 0; id < size; id++) {
            String text = vocabulary.token(id);
            plain[id] = render(vocabulary.type(id), text);
            special[id] = switch (vocabulary.type(id)) {
                case CONTROL, UNUSED -> text.getBytes(StandardCharsets.UTF_8);
                default -> plain[id];
            };
        }
        bos = vocabulary.bos();
        stripSpaceAfterBos = vocabulary.addSpacePrefix();
    }

    private static byte[] render(TokenType type, String text) {
        return switch (type) {
            case NORMAL, USER_DEFINED, UNDEFINED ->
                    text.replace(SpmEncoder.SPACE_MARK, ' ').getBytes(StandardCharsets.UTF_8);
            case BYTE -> parseByteToken(text);
            case UNKNOWN -> UNKNOWN_MARK;
            case CONTROL, UNUSED -> NOTHING;
        };
    }

    private static byte[] parseByteToken(String text) {
        if (text.length() != 6 || !text.startsWith("<0x") || !text.endsWith(">")) {
            throw new IllegalArgumentException("byte token must look like <0xXX>, was '" + text + "'");
        }
        return new byte[] {(byte) Integer.parseInt(text.substring(3, 5), 16)};
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
        return stripSpaceAfterBos;
    }
}
