package io.reasoner.engine.tokenizer;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Objects;

/**
 * A Hugging Face {@code tokenizer.json} run by the Rust tokenizers library through DJL, behind {@link Tokenizer}.
 *
 * <p>DJL's defaults are for encoder models and would silently damage prompts: truncation to 512 tokens, padding,
 * and the post-processor's special tokens. All three are switched off; BOS is added here, from
 * {@code tokenizer_config.json}. The native library ships inside the DJL jar, so this works offline. (DJL
 * reports usage from EC2 hosts when a tokenizer is created unless {@code ai.djl.offline=true} or
 * {@code OPT_OUT_TRACKING=true} is set; the tests run offline.)
 *
 * <p>The native tokenizer exposes neither its vocabulary nor per-token bytes, so {@link #piece}, the vocabulary
 * size and the special ids come from parsing {@code tokenizer.json} here, and the streaming detokenizer works by
 * decoding a short window of tokens ({@link DecodedTextDeltas}). {@link #decode} skips special added tokens
 * ({@code <|im_end|>}) and keeps non-special ones ({@code <think>}), as Hugging Face's
 * {@code skip_special_tokens=True} does. Thread-safe (the Rust tokenizer is); {@link #close()} frees the native
 * tokenizer.
 */
public final class DjlHuggingFaceTokenizer implements Tokenizer, AutoCloseable {

    private final HuggingFaceTokenizer tokenizer;
    private final TokenizerJson json;
    private final int bos;
    private final int eos;
    private final boolean addBos;

    private DjlHuggingFaceTokenizer(HuggingFaceTokenizer tokenizer, TokenizerJson json,
                                    HuggingFaceTokenizerConfig config) {
        this.tokenizer = tokenizer;
        this.json = json;
        this.bos = config.bosToken().map(text -> idOf(text, "bos_token")).orElse(-1);
        this.eos = idOf(config.eosToken().orElseThrow(() -> new UnsupportedTokenizerException(
                "tokenizer_config.json names no eos_token")), "eos_token");
        this.addBos = bos >= 0 && config.addBosToken().orElseGet(this::postProcessorAddsBos);
    }

    /**
     * Loads {@code tokenizer.json} and (if present) {@code tokenizer_config.json} from a model folder.
     *
     * @throws UncheckedIOException          if a file cannot be read
     * @throws UnsupportedTokenizerException if no end-of-sequence token is named
     */
    public static DjlHuggingFaceTokenizer fromFolder(Path folder) {
        Path file = folder.resolve(TokenizerJson.FILE_NAME);
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException("no " + TokenizerJson.FILE_NAME + " in " + folder));
        }
        HuggingFaceTokenizerConfig config = HuggingFaceTokenizerConfig.readFolder(folder);
        TokenizerJson json = TokenizerJson.readFolder(folder);
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(file)
                    .optTruncation(false) // DJL's default truncates to 512 tokens
                    .optPadding(false)
                    .optAddSpecialTokens(false) // BOS is ours to add; the post-processor may add more
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot load " + file, e);
        }
        try {
            return new DjlHuggingFaceTokenizer(tokenizer, json, config);
        } catch (RuntimeException e) {
            tokenizer.close();
            throw e;
        }
    }

    /**
     * Without {@code add_bos_token} in the config, the tokenizer's own post-processor decides (Llama 3 adds
     * {@code <|begin_of_text|>} there): ask it to encode nothing with special tokens and see whether BOS appears.
     */
    private boolean postProcessorAddsBos() {
        long[] ids = tokenizer.encode("", true, false).getIds();
        return ids.length > 0 && ids[0] == bos;
    }

    private int idOf(String token, String name) {
        return json.find(token).orElseThrow(() -> new UnsupportedTokenizerException(
                name + " '" + token + "' is not in tokenizer.json"));
    }

    @Override
    public int[] encode(String text) {
        return encode(text, addBos);
    }

    @Override
    public int[] encode(String text, boolean addBos) {
        Objects.requireNonNull(text, "text");
        if (addBos && bos < 0) {
            throw new IllegalArgumentException("addBos was requested but the tokenizer has no BOS token");
        }
        long[] ids = tokenizer.encode(text, false, false).getIds();
        int offset = addBos ? 1 : 0;
        int[] tokens = new int[ids.length + offset];
        if (addBos) {
            tokens[0] = bos;
        }
        for (int i = 0; i < ids.length; i++) {
            tokens[i + offset] = Math.toIntExact(ids[i]);
        }
        return tokens;
    }

    @Override
    public String decode(int[] tokens) {
        return tokenizer.decode(Arrays.stream(tokens).asLongStream().toArray(), true);
    }

    @Override
    public StreamingDetokenizer newDetokenizer() {
        return new StreamingDetokenizer(new DecodedTextDeltas(this::decode));
    }

    /** The vocabulary string (byte-level spelling for BPE models, e.g. {@code ĠWait}); "" for an unused id. */
    @Override
    public String piece(int token) {
        if (token < 0 || token >= json.size()) {
            throw new IllegalArgumentException("token must be in [0, " + (json.size() - 1) + "], was " + token);
        }
        return Objects.requireNonNullElse(json.token(token), "");
    }

    /** One past the highest id in {@code tokenizer.json} (model vocabulary plus added tokens). */
    @Override
    public int vocabSize() {
        return json.size();
    }

    /** The BOS id, or -1 if the model has none (Qwen). */
    @Override
    public int bosToken() {
        return bos;
    }

    @Override
    public int eosToken() {
        return eos;
    }

    @Override
    public void close() {
        tokenizer.close();
    }
}
