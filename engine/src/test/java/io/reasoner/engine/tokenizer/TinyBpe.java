package io.reasoner.engine.tokenizer;

import io.reasoner.engine.gguf.GgufArray;
import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.gguf.GgufValueType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A small byte-level BPE vocabulary for tests: ids 0..255 are the 256 single-byte tokens in byte order, then the
 * results of the given merges in order, then special tokens. Written the way a GGUF file stores it.
 */
final class TinyBpe {

    private final List<String> tokens = new ArrayList<>();
    private final List<Integer> types = new ArrayList<>();
    private final List<String> merges = new ArrayList<>();

    TinyBpe(String... merges) {
        for (int b = 0; b < 256; b++) {
            add(String.valueOf(ByteLevel.charOf(b)), TokenType.NORMAL);
        }
        for (String merge : merges) {
            this.merges.add(merge);
            add(merge.replace(" ", ""), TokenType.NORMAL);
        }
    }

    TinyBpe control(String text) {
        return add(text, TokenType.CONTROL);
    }

    TinyBpe userDefined(String text) {
        return add(text, TokenType.USER_DEFINED);
    }

    private TinyBpe add(String text, TokenType type) {
        tokens.add(text);
        types.add(type.ordinal());
        return this;
    }

    int id(String token) {
        int id = tokens.indexOf(token);
        if (id < 0) {
            throw new IllegalArgumentException("no token " + token);
        }
        return id;
    }

    /** The single-byte token of an ASCII char, whose id is its byte value. */
    static int byteId(char c) {
        return c;
    }

    GgufMetadata gguf(String pre, int eos) {
        Map<String, Object> values = new HashMap<>();
        values.put("tokenizer.ggml.model", "gpt2");
        values.put("tokenizer.ggml.pre", pre);
        values.put("tokenizer.ggml.tokens", new GgufArray(GgufValueType.STRING, tokens.toArray(String[]::new)));
        values.put("tokenizer.ggml.token_type", new GgufArray(GgufValueType.INT32,
                types.stream().mapToInt(Integer::intValue).toArray()));
        values.put("tokenizer.ggml.merges", new GgufArray(GgufValueType.STRING, merges.toArray(String[]::new)));
        values.put("tokenizer.ggml.eos_token_id", (long) eos);
        values.put("tokenizer.ggml.add_bos_token", false);
        return new GgufMetadata(values);
    }

    BpeTokenizer tokenizer(int eos) {
        return BpeTokenizer.fromGguf(gguf("qwen2", eos));
    }
}
