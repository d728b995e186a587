package io.reasoner.engine.tokenizer;

/** SentencePiece token types, numbered as in {@code tokenizer.ggml.token_type}. */
public enum TokenType {
    UNDEFINED, NORMAL, UNKNOWN, CONTROL, USER_DEFINED, UNUSED, BYTE;

    static TokenType fromId(int id) {
        if (id < 0 || id >= values().length) {
            throw new IllegalArgumentException("token type must be in [0, " + (values().length - 1) + "], was " + id);
        }
        return values()[id];
    }
}
