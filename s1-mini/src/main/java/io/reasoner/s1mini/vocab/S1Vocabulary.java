package io.reasoner.s1mini.vocab;

import io.reasoner.engine.gguf.GgufWriter;
import io.reasoner.engine.tokenizer.BpePreTokenizer;
import io.reasoner.engine.tokenizer.BpeTokenizer;
import io.reasoner.engine.tokenizer.BpeVocabulary;
import io.reasoner.engine.tokenizer.TokenType;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * s1-mini's tokenizer: byte-level BPE (GGUF {@code tokenizer.ggml.model = gpt2}, pre-tokenizer {@code qwen2}),
 * so the engine's own GGUF tokenizer loader reads it back. Ids: the special tokens first, then the 256 byte
 * characters, then one token per learned merge. {@code <think>} and {@code </think>} are single user-defined
 * tokens (they render as text, as in Qwen3); {@code <|im_start|>}, {@code <|im_end|>} (also EOS) and
 * {@code <|endoftext|>} are control tokens.
 */
public final class S1Vocabulary {

    public static final List<String> SPECIAL_TOKENS = List.of("<|endoftext|>", "<|im_start|>", "<|im_end|>",
            "<think>", "</think>");
    static final int EOS = 2;
    private static final String PRE_TOKENIZER = "qwen2";

    private final List<String> tokens;
    private final List<TokenType> types;
    private final List<String> merges;
    private final BpeTokenizer tokenizer;

    private S1Vocabulary(List<String> merges) {
        this.merges = List.copyOf(merges);
        List<String> all = new ArrayList<>(SPECIAL_TOKENS);
        List<TokenType> kinds = new ArrayList<>(List.of(TokenType.CONTROL, TokenType.CONTROL, TokenType.CONTROL,
                TokenType.USER_DEFINED, TokenType.USER_DEFINED));
        for (int b = 0; b < 256; b++) {
            all.add(String.valueOf(ByteAlphabet.charOf(b)));
            kinds.add(TokenType.NORMAL);
        }
        for (String merge : this.merges) {
            all.add(merge.replace(" ", ""));
            kinds.add(TokenType.NORMAL);
        }
        this.tokens = Collections.unmodifiableList(all);
        this.types = Collections.unmodifiableList(kinds);
        this.tokenizer = new BpeTokenizer(new BpeVocabulary(tokens, types, this.merges, -1, EOS, false),
                BpePreTokenizer.fromGgufName(PRE_TOKENIZER), false);
    }

    /**
     * Learns {@code size - 261} merges from {@code corpus} (fewer if the corpus runs out of repeated pairs).
     *
     * @param size the vocabulary size wanted, specials and bytes included
     */
    public static S1Vocabulary learn(Iterable<String> corpus, int size) {
        Objects.requireNonNull(corpus, "corpus");
        int base = SPECIAL_TOKENS.size() + 256;
        if (size < base) {
            throw new IllegalArgumentException("size must be >= " + base + " (specials and bytes), was " + size);
        }
        return new S1Vocabulary(BpeTrainer.learn(corpus, size - base));
    }

    public Tokenizer tokenizer() {
        return tokenizer;
    }

    public int size() {
        return tokens.size();
    }

    /** Adds the {@code tokenizer.*} keys, the chat template included. */
    public GgufWriter writeTo(GgufWriter writer, String chatTemplate) {
        int[] typeIds = types.stream().mapToInt(TokenType::ordinal).toArray();
        return writer.string("tokenizer.ggml.model", "gpt2")
                .string("tokenizer.ggml.pre", PRE_TOKENIZER)
                .stringArray("tokenizer.ggml.tokens", tokens)
                .int32Array("tokenizer.ggml.token_type", typeIds)
                .stringArray("tokenizer.ggml.merges", merges)
                .uint32("tokenizer.ggml.eos_token_id", EOS)
                .uint32("tokenizer.ggml.padding_token_id", 0)
                .string("tokenizer.chat_template", chatTemplate);
    }
}
