package io.reasoner.engine.budget;

import io.reasoner.engine.tokenizer.Tokenizer;
import java.util.Arrays;
import java.util.Objects;

/**
 * A piece of format text and the tokens it is fed as, resolved once against the model's tokenizer.
 *
 * @param text   the text as written, e.g. {@code "</think>"}; empty for "no delimiter"
 * @param tokens its tokens as they appear in the middle of a stream (see {@link #of}); empty exactly when the text
 *               is
 */
public record Delimiter(String text, int[] tokens) {

    public static final Delimiter NONE = new Delimiter("", new int[0]);

    public Delimiter {
        Objects.requireNonNull(text, "text");
        tokens = tokens.clone();
        if (text.isEmpty() != (tokens.length == 0)) {
            throw new IllegalArgumentException("tokens must be empty exactly when text is, had text '" + text
                    + "' and " + tokens.length + " token(s)");
        }
    }

    /**
     * Encodes {@code text} as it would follow other text, without BOS and without the space a SentencePiece
     * tokenizer prepends to the start of a text ({@link MidStreamEncoding}).
     */
    public static Delimiter of(String text, Tokenizer tokenizer) {
        return new Delimiter(text, MidStreamEncoding.encode(tokenizer, text));
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    /** The token count without copying. */
    public int length() {
        return tokens.length;
    }

    public boolean isEmpty() {
        return tokens.length == 0;
    }

    /** The id when the text is exactly one token (as special tokens such as {@code </think>} usually are), else -1. */
    int singleToken() {
        return tokens.length == 1 ? tokens[0] : -1;
    }

    int token(int index) {
        return tokens[index];
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Delimiter that && text.equals(that.text) && Arrays.equals(tokens, that.tokens);
    }

    @Override
    public int hashCode() {
        return 31 * text.hashCode() + Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return "Delimiter[" + text.replace("\n", "\\n") + " " + Arrays.toString(tokens) + "]";
    }
}
