package io.reasoner.engine.tokenizer;

import io.reasoner.engine.gguf.GgufMetadata;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.IntStream;

/**
 * A GPT-2-style byte-level BPE tokenizer (GGUF {@code tokenizer.ggml.model = gpt2}; Qwen, DeepSeek-R1 distills,
 * GPT-2). Encoding: optionally NFC-normalize; cut out special tokens (leftmost-longest, {@link SpecialTokenSplitter});
 * split the rest with the model's pre-tokenizer regex ({@link BpePreTokenizer}); spell each piece's UTF-8 bytes in
 * the byte-level alphabet ({@link ByteLevel}) and merge by rank ({@link BpeMerger}). Decoding maps tokens back to
 * bytes ({@link ByteLevelPieces}). Immutable and thread-safe.
 */
public final class BpeTokenizer implements Tokenizer {

    private final BpeVocabulary vocabulary;
    private final BpePreTokenizer preTokenizer;
    private final boolean normalizeNfc;
    private final Map<String, Integer> ids;
    private final SpecialTokenSplitter specials;
    private final BpeMerger merger;
    private final ByteLevelPieces pieces;

    /**
     * @param normalizeNfc whether input is NFC-normalized first, as a {@code tokenizer.json} with an NFC
     *                     normalizer asks (Qwen's does); llama.cpp does not normalize GGUF input
     */
    public BpeTokenizer(BpeVocabulary vocabulary, BpePreTokenizer preTokenizer, boolean normalizeNfc) {
        this.vocabulary = Objects.requireNonNull(vocabulary, "vocabulary");
        this.preTokenizer = Objects.requireNonNull(preTokenizer, "preTokenizer");
        this.normalizeNfc = normalizeNfc;
        this.ids = new HashMap<>(vocabulary.size() * 2);
        Map<String, Integer> special = new HashMap<>();
        for (int id = vocabulary.size() - 1; id >= 0; id--) {
            // Backwards so that for duplicate strings the lowest id wins, as in llama.cpp.
            String token = Objects.requireNonNull(vocabulary.tokens().get(id), "token " + id);
            ids.put(token, id);
            TokenType type = vocabulary.types().get(id);
            if ((type == TokenType.CONTROL || type == TokenType.USER_DEFINED) && !token.isEmpty()) {
                special.put(token, id);
            }
        }
        this.specials = new SpecialTokenSplitter(special);
        this.merger = new BpeMerger(vocabulary.merges(), ids);
        this.pieces = new ByteLevelPieces(vocabulary);
    }

    /**
     * Reads the {@code tokenizer.ggml.*} keys of a GGUF file whose tokenizer model is "gpt2". Without
     * {@code tokenizer.ggml.add_bos_token}, BOS is not added (Qwen-style models are trained without one).
     *
     * @throws UnsupportedTokenizerException if the model is not gpt2 or the pre-tokenizer is unknown
     */
    public static BpeTokenizer fromGguf(GgufMetadata metadata) {
        return new BpeTokenizer(GgufBpeVocabularies.read(metadata),
                BpePreTokenizer.fromGgufName(metadata.findString("tokenizer.ggml.pre").orElse(null)), false);
    }

    @Override
    public int[] encode(String text) {
        return encode(text, vocabulary.addBos());
    }

    @Override
    public int[] encode(String text, boolean addBos) {
        if (addBos && vocabulary.bos() < 0) {
            throw new IllegalArgumentException("addBos was requested but the vocabulary has no BOS token");
        }
        String normalized = normalizeNfc ? Normalizer.normalize(text, Normalizer.Form.NFC) : text;
        IntStream.Builder tokens = IntStream.builder();
        if (addBos) {
            tokens.add(vocabulary.bos());
        }
        for (SpecialTokenSplitter.Segment segment : specials.split(normalized)) {
            if (segment.special() >= 0) {
                tokens.add(segment.special());
                continue;
            }
            for (String piece : preTokenizer.split(segment.text())) {
                for (int token : merger.encode(piece.getBytes(StandardCharsets.UTF_8))) {
                    tokens.add(token);
                }
            }
        }
        return tokens.build().toArray();
    }

    @Override
    public StreamingDetokenizer newDetokenizer() {
        return new StreamingDetokenizer(pieces, false);
    }

    /** A detokenizer that shows control tokens such as {@code <|im_end|>} verbatim, for debugging. */
    public StreamingDetokenizer newDetokenizerRenderingSpecialTokens() {
        return new StreamingDetokenizer(pieces, true);
    }

    /** The vocabulary string in byte-level spelling (a leading space shows as {@code Ġ}). */
    @Override
    public String piece(int token) {
        return vocabulary.tokens().get(token);
    }

    public BpeVocabulary vocabulary() {
        return vocabulary;
    }

    public BpePreTokenizer preTokenizer() {
        return preTokenizer;
    }

    @Override
    public int vocabSize() {
        return vocabulary.size();
    }

    /** The BOS id, or -1 if the model has none. */
    @Override
    public int bosToken() {
        return vocabulary.bos();
    }

    @Override
    public int eosToken() {
        return vocabulary.eos();
    }
}
