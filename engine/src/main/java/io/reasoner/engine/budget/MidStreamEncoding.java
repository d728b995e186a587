package io.reasoner.engine.budget;

import io.reasoner.engine.tokenizer.SentencePieceTokenizer;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.util.Arrays;

/**
 * Encodes text that the forcer splices into the middle of a stream ("Wait", a delimiter, "Final Answer:").
 *
 * <p>A SentencePiece tokenizer with {@code add_space_prefix} encodes every text as if it followed a space, so
 * {@code "\n"} becomes {@code ["▁", "<0x0A>"]}: a stray space token that a model never writes before a newline,
 * which would turn a one-token delimiter into two. When that prefix stayed a token of its own it is dropped here;
 * when it merged into the first word ({@code "▁Hmm"}) it is kept, since a word after a space is the natural
 * mid-stream form.
 */
final class MidStreamEncoding {

    private static final String SPACE_MARK = "\u2581";

    private MidStreamEncoding() {
    }

    static int[] encode(Tokenizer tokenizer, String text) {
        int[] tokens = tokenizer.encode(text, false);
        if (addsSpacePrefix(tokenizer) && tokens.length > 1 && tokenizer.piece(tokens[0]).equals(SPACE_MARK)) {
            return Arrays.copyOfRange(tokens, 1, tokens.length);
        }
        return tokens;
    }

    private static boolean addsSpacePrefix(Tokenizer tokenizer) {
        return tokenizer instanceof SentencePieceTokenizer spm && spm.vocabulary().addSpacePrefix();
    }
}
