package io.reasoner.engine.tokenizer;

import io.reasoner.engine.gguf.GgufMetadata;

/** The SentencePiece tokenizer of a llama-family GGUF model (see {@link SpmEncoder} for the algorithm). */
public final class SentencePieceTokenizer implements Tokenizer {

    private final Vocabulary vocabulary;
    private final SpmEncoder encoder;
    private final PieceTable pieces;

    public SentencePieceTokenizer(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.encoder = new SpmEncoder(vocabulary);
        this.pieces = new PieceTable(vocabulary);
    }

    public static SentencePieceTokenizer fromGguf(GgufMetadata metadata) {
        return new SentencePieceTokenizer(Vocabulary.fromGguf(metadata));
    }

    @Override
    public int[] encode(String text) {
        return encode(text, vocabulary.addBos());
    }

    @Override
    public int[] encode(String text, boolean addBos) {
        int[] body = encoder.encode(text);
        if (!addBos) {
            return body;
        }
        int[] tokens = new int[body.length + 1];
        tokens[0] = vocabulary.bos();
        System.arraycopy(body, 0, tokens, 1, body.length);
        return tokens;
    }

    @Override
    public StreamingDetokenizer newDetokenizer() {
        return new StreamingDetokenizer(pieces, false);
    }

    /** A detokenizer that shows control tokens such as {@code </s>} verbatim, for debugging. */
    public StreamingDetokenizer newDetokenizerRenderingSpecialTokens() {
        return new StreamingDetokenizer(pieces, true);
    }

    @Override
    public String piece(int token) {
        return vocabulary.token(token);
    }

    public Vocabulary vocabulary() {
        return vocabulary;
    }

    @Override
    public int vocabSize() {
        return vocabulary.size();
    }

    @Override
    public int bosToken() {
        return vocabulary.bos();
    }

    @Override
    public int eosToken() {
        return vocabulary.eos();
    }
}
