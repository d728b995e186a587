package io.reasoner.engine.tokenizer;

import io.reasoner.engine.gguf.GgufMetadata;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A SentencePiece vocabulary: token strings, merge scores and types, plus the special ids and flags that steer
 * encoding. Immutable.
 */
public final class Vocabulary {

    private final String[] tokens;
    private final float[] scores;
    private final TokenType[] types;
    private final Map<String, Integer> ids;
    private final int bos;
    private final int eos;
    private final int unknown;
    private final boolean addBos;
    private final boolean addSpacePrefix;

    /**
     * @param unknown        id used when even byte fallback fails, or -1 for none
     * @param addBos         whether {@link Tokenizer#encode(String)} prefixes BOS
     * @param addSpacePrefix whether encoding prepends a space ("dummy prefix") so a leading word gets its
     *                       {@code ▁word} token, as SentencePiece does
     */
    public Vocabulary(List<String> tokens, float[] scores, TokenType[] types, int bos, int eos, int unknown,
                      boolean addBos, boolean addSpacePrefix) {
        int size = tokens.size();
        if (size < 1) {
            throw new IllegalArgumentException("vocabulary must have at least one token, had 0");
        }
        if (scores.length != size || types.length != size) {
            throw new IllegalArgumentException("scores and types must have one entry per token (" + size
                    + "), had " + scores.length + " and " + types.length);
        }
        this.tokens = tokens.toArray(String[]::new);
        this.scores = scores.clone();
        this.types = types.clone();
        this.bos = checkId("bos", bos, size);
        this.eos = checkId("eos", eos, size);
        this.unknown = unknown == -1 ? -1 : checkId("unknown", unknown, size);
        this.addBos = addBos;
        this.addSpacePrefix = addSpacePrefix;
        this.ids = new HashMap<>(size * 2);
        for (int id = size - 1; id >= 0; id--) {
            // Iterate backwards so that for duplicate strings the lowest id wins, as in llama.cpp.
            ids.put(Objects.requireNonNull(this.tokens[id], "token " + id), id);
        }
    }

    /** Reads the {@code tokenizer.ggml.*} keys of a GGUF file whose tokenizer model is "llama" (SentencePiece). */
    public static Vocabulary fromGguf(GgufMetadata metadata) {
        String model = metadata.findString("tokenizer.ggml.model").orElseThrow(
                () -> new UnsupportedTokenizerException("the GGUF file has no tokenizer.ggml.model"));
        if (!model.equals("llama")) {
            throw new UnsupportedTokenizerException("tokenizer.ggml.model '" + model
                    + "' is not supported (supported: llama, i.e. SentencePiece)");
        }
        List<String> tokens = metadata.getStringArray("tokenizer.ggml.tokens");
        float[] scores = metadata.contains("tokenizer.ggml.scores")
                ? metadata.getFloatArray("tokenizer.ggml.scores") : new float[tokens.size()];
        TokenType[] types = new TokenType[tokens.size()];
        Arrays.fill(types, TokenType.NORMAL);
        if (metadata.contains("tokenizer.ggml.token_type")) {
            int[] typeIds = metadata.getIntArray("tokenizer.ggml.token_type");
            for (int i = 0; i < Math.min(typeIds.length, types.length); i++) {
                types[i] = TokenType.fromId(typeIds[i]);
            }
        }
        return new Vocabulary(tokens, scores, types,
                metadata.findInt("tokenizer.ggml.bos_token_id").orElse(1),
                metadata.findInt("tokenizer.ggml.eos_token_id").orElse(2),
                optionalId(metadata, "tokenizer.ggml.unknown_token_id", tokens.size()),
                metadata.findBoolean("tokenizer.ggml.add_bos_token").orElse(true),
                metadata.findBoolean("tokenizer.ggml.add_space_prefix").orElse(true));
    }

    /** GGUF writers mark "no such token" as -1 or as UINT32 max; both become -1 here. */
    private static int optionalId(GgufMetadata metadata, String key, int size) {
        long id = metadata.contains(key) ? metadata.getLong(key) : -1;
        return id >= 0 && id < size ? (int) id : -1;
    }

    private static int checkId(String name, int id, int size) {
        if (id < 0 || id >= size) {
            throw new IllegalArgumentException(name + " token id must be in [0, " + (size - 1) + "], was " + id);
        }
        return id;
    }

    public int size() {
        return tokens.length;
    }

    public String token(int id) {
        return tokens[id];
    }

    public float score(int id) {
        return scores[id];
    }

    public TokenType type(int id) {
        return types[id];
    }

    public OptionalInt find(String token) {
        Integer id = ids.get(token);
        return id == null ? OptionalInt.empty() : OptionalInt.of(id);
    }

    public int bos() {
        return bos;
    }

    public int eos() {
        return eos;
    }

    /** The unknown-token id, or -1 if the vocabulary has none. */
    public int unknown() {
        return unknown;
    }

    public boolean addBos() {
        return addBos;
    }

    public boolean addSpacePrefix() {
        return addSpacePrefix;
    }
}
