package io.reasoner.engine.budget;

import io.reasoner.engine.tokenizer.Tokenizer;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The delimiters a model's template puts around thinking, resolved against its tokenizer.
 *
 * <p>Thinking tries to end when the model writes the end delimiter (matched by id when it is one token, else by
 * text, see {@link #detectsEndByText()}) or any end-of-turn token. The answer ends at an end-of-turn token.
 *
 * @param name            for logs and reports
 * @param opening         appended to the prompt to start thinking; {@link Delimiter#NONE} when the caller's chat
 *                        template already did (see {@link #withoutOpening()})
 * @param end             ends thinking: fed when the forcer closes thinking; not empty
 * @param answerSeparator fed after {@code end} whenever the forcer (not the model) closes thinking, where the
 *                        template puts text between the delimiter and the answer (Qwen3's blank line)
 * @param endOfTurn       token ids that end the answer (EOS included by the factories); not empty
 */
public record ThinkingFormat(String name, Delimiter opening, Delimiter end, Delimiter answerSeparator,
                             int[] endOfTurn) {

    public ThinkingFormat {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(opening, "opening");
        Objects.requireNonNull(end, "end");
        Objects.requireNonNull(answerSeparator, "answerSeparator");
        if (end.isEmpty()) {
            throw new IllegalArgumentException("end delimiter must not be empty");
        }
        endOfTurn = endOfTurn.clone();
        if (endOfTurn.length == 0) {
            throw new IllegalArgumentException("endOfTurn must hold at least one token (usually EOS)");
        }
    }

    /**
     * s1 and s1.1 (Qwen2.5 chat markup): thinking opens with {@code <|im_start|>think}, the answer starts at
     * {@code <|im_start|>answer}, and {@code <|im_start|>} and {@code <|im_end|>} stop generation, as in s1's
     * reference code. The model's own {@code <|im_start|>} during thinking is therefore an attempt to end it.
     *
     * @throws IllegalArgumentException if the tokenizer has no single token for the markup
     */
    public static ThinkingFormat s1(Tokenizer tokenizer) {
        return of(tokenizer, "s1", "<|im_start|>think", "<|im_start|>answer", "\n",
                List.of("<|im_start|>", "<|im_end|>"));
    }

    /**
     * Qwen3 and the DeepSeek-R1 distills: {@code <think>\n} … {@code </think>}, then a blank line before the
     * answer. End-of-turn is EOS plus {@code <|im_end|>} and {@code <|endoftext|>} where the vocabulary has them
     * as single tokens. The opening is appended by this format; use {@link #withoutOpening()} when the chat
     * template already ends in {@code <think>\n}.
     */
    public static ThinkingFormat thinkTags(Tokenizer tokenizer) {
        List<String> turnEnds = List.of("<|im_end|>", "<|endoftext|>").stream()
                .filter(text -> MidStreamEncoding.encode(tokenizer, text).length == 1).toList();
        return of(tokenizer, "think-tags", "<think>\n", "</think>", "\n\n", turnEnds);
    }

    /**
     * A model without a thinking template (a base model such as stories260K): no opening; thinking ends at
     * {@code endText} (for instance {@code "\n"}), which is also fed when the forcer closes thinking, or at the end
     * of the turn. The turn ends at EOS or at BOS: base models trained on concatenated documents write BOS where
     * one ends and the next begins (llama2.c's TinyStories models never write EOS at all).
     */
    public static ThinkingFormat plain(Tokenizer tokenizer, String endText) {
        int eos = tokenizer.eosToken();
        int bos = tokenizer.bosToken();
        int[] turnEnds = bos < 0 || bos == eos ? new int[] {eos} : new int[] {eos, bos};
        return new ThinkingFormat("plain", Delimiter.NONE, Delimiter.of(endText, tokenizer), Delimiter.NONE,
                turnEnds);
    }

    /**
     * A format from its texts, each encoded as it would appear mid-stream ({@link Delimiter#of}).
     *
     * @param endOfTurnTexts texts that end a turn, besides EOS; each must be a single token
     * @throws IllegalArgumentException if an end-of-turn text is not a single token, or {@code endText} is empty
     */
    public static ThinkingFormat of(Tokenizer tokenizer, String name, String openingText, String endText,
                                    String separatorText, List<String> endOfTurnTexts) {
        Set<Integer> turnEnds = new LinkedHashSet<>();
        turnEnds.add(tokenizer.eosToken());
        for (String text : endOfTurnTexts) {
            int[] tokens = MidStreamEncoding.encode(tokenizer, text);
            if (tokens.length != 1) {
                throw new IllegalArgumentException("end-of-turn text '" + text + "' must be a single token, was "
                        + tokens.length + " tokens " + Arrays.toString(tokens));
            }
            turnEnds.add(tokens[0]);
        }
        return new ThinkingFormat(name, Delimiter.of(openingText, tokenizer), Delimiter.of(endText, tokenizer),
                Delimiter.of(separatorText, tokenizer), turnEnds.stream().mapToInt(Integer::intValue).toArray());
    }

    /** The same format for prompts whose chat template already opened thinking. */
    public ThinkingFormat withoutOpening() {
        return new ThinkingFormat(name, Delimiter.NONE, end, answerSeparator, endOfTurn);
    }

    @Override
    public int[] endOfTurn() {
        return endOfTurn.clone();
    }

    public boolean isEndOfTurn(int token) {
        for (int id : endOfTurn) {
            if (id == token) {
                return true;
            }
        }
        return false;
    }

    /** Whether {@code token} is an attempt to end thinking on its own: an end-of-turn token or a one-token end. */
    boolean endsThinking(int token) {
        return token == end.singleToken() || isEndOfTurn(token);
    }

    /**
     * Whether the end delimiter must be found in the thinking text, because it spans several tokens none of which
     * ends thinking by itself. When its first token is an end-of-turn token (s1's {@code <|im_start|>answer}), that
     * token already is the attempt to end, and control tokens render as no text anyway.
     */
    boolean detectsEndByText() {
        return end.length() > 1 && !isEndOfTurn(end.token(0));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof ThinkingFormat that && name.equals(that.name) && opening.equals(that.opening)
                && end.equals(that.end) && answerSeparator.equals(that.answerSeparator)
                && Arrays.equals(endOfTurn, that.endOfTurn);
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, opening, end, answerSeparator, Arrays.hashCode(endOfTurn));
    }

    @Override
    public String toString() {
        return "ThinkingFormat[" + name + ", opening=" + opening + ", end=" + end + ", answerSeparator="
                + answerSeparator + ", endOfTurn=" + Arrays.toString(endOfTurn) + "]";
    }
}
