package io.reasoner.engine.tokenizer;

import io.reasoner.engine.gguf.GgufMetadata;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Reads a {@link BpeVocabulary} from the {@code tokenizer.ggml.*} keys of a GGUF file. */
final class GgufBpeVocabularies {

    private GgufBpeVocabularies() {
    }

    static BpeVocabulary read(GgufMetadata metadata) {
        String model = metadata.findString("tokenizer.ggml.model").orElseThrow(
                () -> new UnsupportedTokenizerException("the GGUF file has no tokenizer.ggml.model"));
        if (!model.equals("gpt2")) {
            throw new UnsupportedTokenizerException("tokenizer.ggml.model '" + model
                    + "' is not byte-level BPE (expected gpt2)");
        }
        List<String> tokens = metadata.getStringArray("tokenizer.ggml.tokens");
        List<TokenType> types = new ArrayList<>(Collections.nCopies(tokens.size(), TokenType.NORMAL));
        if (metadata.contains("tokenizer.ggml.token_type")) {
            int[] typeIds = metadata.getIntArray("tokenizer.ggml.token_type");
            for (int i = 0; i < Math.min(typeIds.length, tokens.size()); i++) {
                types.set(i, TokenType.fromId(typeIds[i]));
            }
        }
        List<String> merges = metadata.contains("tokenizer.ggml.merges")
                ? metadata.getStringArray("tokenizer.ggml.merges") : List.of();
        int bos = optionalId(metadata, "tokenizer.ggml.bos_token_id", tokens.size());
        int eos = optionalId(metadata, "tokenizer.ggml.eos_token_id", tokens.size());
        if (eos < 0) {
            throw new UnsupportedTokenizerException("the GGUF file has no usable tokenizer.ggml.eos_token_id");
        }
        boolean addBos = metadata.findBoolean("tokenizer.ggml.add_bos_token").orElse(false) && bos >= 0;
        return new BpeVocabulary(tokens, types, merges, bos, eos, addBos);
    }

    /** GGUF writers mark "no such token" as -1 or as UINT32 max; both become -1 here. */
    private static int optionalId(GgufMetadata metadata, String key, int size) {
        long id = metadata.contains(key) ? metadata.getLong(key) : -1;
        return id >= 0 && id < size ? (int) id : -1;
    }
}
