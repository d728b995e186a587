package io.reasoner.engine.tokenizer;

import java.util.List;
import java.util.Objects;

/**
 * What a byte-level BPE tokenizer is made of, as GGUF stores it ({@code tokenizer.ggml.tokens}, {@code merges},
 * {@code token_type} and the special ids).
 *
 * @param tokens  token strings in byte-level spelling (see {@link ByteLevel}), indexed by id; special tokens such as
 *                {@code <|im_start|>} are plain text
 * @param types   one per token: {@link TokenType#CONTROL} and {@link TokenType#USER_DEFINED} tokens are matched
 *                in input text as single tokens; control tokens decode to nothing, user-defined ones to their text
 * @param merges  merge rules {@code "left right"}, highest priority first (the rank is the index)
 * @param bos     the BOS id, or -1 if the model has none
 * @param eos     the end-of-sequence id
 * @param addBos  whether {@link Tokenizer#encode(String)} prefixes BOS (requires a BOS id)
 */
public record BpeVocabulary(List<String> tokens, List<TokenType> types, List<String> merges, int bos, int eos,
                            boolean addBos) {

    public BpeVocabulary {
        tokens = List.copyOf(Objects.requireNonNull(tokens, "tokens"));
        types = List.copyOf(Objects.requireNonNull(types, "types"));
        merges = List.copyOf(Objects.requireNonNull(merges, "merges"));
        if (tokens.isEmpty()) {
            throw new IllegalArgumentException("tokens must not be empty");
        }
        if (types.size() != tokens.size()) {
            throw new IllegalArgumentException("types must have one entry per token (" + tokens.size()
                    + "), had " + types.size());
        }
        if (bos < -1 || bos >= tokens.size()) {
            throw new IllegalArgumentException("bos must be -1 or in [0, " + (tokens.size() - 1) + "], was " + bos);
        }
        if (eos < 0 || eos >= tokens.size()) {
            throw new IllegalArgumentException("eos must be in [0, " + (tokens.size() - 1) + "], was " + eos);
        }
        if (addBos && bos == -1) {
            throw new IllegalArgumentException("addBos requires a BOS id, but bos is -1");
        }
    }

    public int size() {
        return tokens.size();
    }
}
