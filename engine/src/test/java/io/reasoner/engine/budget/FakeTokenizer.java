package io.reasoner.engine.budget;

import io.reasoner.engine.tokenizer.SentencePieceTokenizer;
import io.reasoner.engine.tokenizer.StreamingDetokenizer;
import io.reasoner.engine.tokenizer.TokenType;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.tokenizer.Vocabulary;
import java.util.ArrayList;
import java.util.List;

/**
 * A tiny vocabulary whose ids tests can name. Decoding is the real SentencePiece detokenizer over these pieces (so
 * byte tokens and control tokens behave as in production); encoding is greedy longest match, which is all a
 * hand-made vocabulary without merge scores needs. No BOS or space is added when encoding.
 */
final class FakeTokenizer implements Tokenizer {

    static final int BOS = 1;
    static final int EOS = 2;
    static final int IM_END = 3;          // an end-of-turn control token
    static final int END_THINK = 4;       // "</think>", a one-token end delimiter
    static final int OPEN_THINK = 5;      // "<think>"
    static final int WAIT = 6;            // "Wait"
    static final int SO = 7;              // " so"
    static final int THE = 8;             // " the"
    static final int ANSWER = 9;          // " answer"
    static final int IS = 10;             // " is"
    static final int FOUR = 11;           // " 4"
    static final int STRAW = 12;          // " straw", the first half of a two-token word
    static final int BERRY = 13;          // "berry"
    static final int FINAL = 14;          // "Final"
    static final int ANSWER_WORD = 15;    // " Answer"
    static final int COLON = 16;          // ":"
    static final int LT = 17;             // "<", first token of the multi-token delimiter "</end>"
    static final int SLASH = 18;          // "/"
    static final int END = 19;            // "end"
    static final int GT = 20;             // ">"
    static final int NEWLINE = 21;        // "\n", a byte token
    static final int HMM = 22;            // " Hmm"
    static final int I = 23;              // " I"
    static final int THINK = 24;          // " think"
    static final int O_LT = 25;           // "o<": text before the delimiter and its start in one token
    static final int GT_BANG = 26;        // ">!": the delimiter's end and text after it in one token
    static final int E_ACUTE_1 = 27;      // first byte of "é"
    static final int E_ACUTE_2 = 28;      // second byte of "é"
    static final int Q = 29;              // " Q", a prompt word
    static final int SPACE = 30;          // " "
    static final int LT_SLASH = 31;       // "</": two characters of "</end>" in one token, never chosen by encode

    private static final Object[][] PIECES = {
            {"<unk>", TokenType.UNKNOWN}, {"<s>", TokenType.CONTROL}, {"</s>", TokenType.CONTROL},
            {"<|im_end|>", TokenType.CONTROL}, {"</think>", TokenType.USER_DEFINED},
            {"<think>", TokenType.USER_DEFINED}, {"Wait", TokenType.NORMAL}, {"▁so", TokenType.NORMAL},
            {"▁the", TokenType.NORMAL}, {"▁answer", TokenType.NORMAL}, {"▁is", TokenType.NORMAL},
            {"▁4", TokenType.NORMAL}, {"▁straw", TokenType.NORMAL}, {"berry", TokenType.NORMAL},
            {"Final", TokenType.NORMAL}, {"▁Answer", TokenType.NORMAL}, {":", TokenType.NORMAL},
            {"<", TokenType.NORMAL}, {"/", TokenType.NORMAL}, {"end", TokenType.NORMAL}, {">", TokenType.NORMAL},
            {"<0x0A>", TokenType.BYTE}, {"▁Hmm", TokenType.NORMAL}, {"▁I", TokenType.NORMAL},
            {"▁think", TokenType.NORMAL}, {"o<", TokenType.NORMAL}, {">!", TokenType.NORMAL},
            {"<0xC3>", TokenType.BYTE}, {"<0xA9>", TokenType.BYTE}, {"▁Q", TokenType.NORMAL},
            {"▁", TokenType.NORMAL}, {"</", TokenType.NORMAL},
    };

    static final int VOCAB_SIZE = PIECES.length;

    /** Tokens a model may write but encoding never picks, so "</end>" encodes as four one-character tokens. */
    private static final List<Integer> NOT_ENCODED = List.of(O_LT, GT_BANG, LT_SLASH);

    private final SentencePieceTokenizer decoder;
    private final List<String> encodable = new ArrayList<>();

    FakeTokenizer() {
        List<String> tokens = new ArrayList<>();
        TokenType[] types = new TokenType[PIECES.length];
        for (int id = 0; id < PIECES.length; id++) {
            tokens.add((String) PIECES[id][0]);
            types[id] = (TokenType) PIECES[id][1];
            boolean encodes = types[id] != TokenType.BYTE && types[id] != TokenType.UNKNOWN
                    && !NOT_ENCODED.contains(id);
            encodable.add(encodes ? tokens.get(id).replace('▁', ' ') : null);
        }
        encodable.set(NEWLINE, "\n");
        decoder = new SentencePieceTokenizer(new Vocabulary(tokens, new float[PIECES.length], types, BOS, EOS, 0,
                false, false));
    }

    @Override
    public int[] encode(String text) {
        return encode(text, false);
    }

    @Override
    public int[] encode(String text, boolean addBos) {
        List<Integer> ids = new ArrayList<>();
        if (addBos) {
            ids.add(BOS);
        }
        int at = 0;
        while (at < text.length()) {
            int best = -1;
            for (int id = 0; id < encodable.size(); id++) {
                String piece = encodable.get(id);
                if (piece != null && text.startsWith(piece, at)
                        && (best < 0 || piece.length() > encodable.get(best).length())) {
                    best = id;
                }
            }
            if (best < 0) {
                throw new IllegalArgumentException("the fake vocabulary cannot encode '" + text.substring(at) + "'");
            }
            ids.add(best);
            at += encodable.get(best).length();
        }
        return ids.stream().mapToInt(Integer::intValue).toArray();
    }

    @Override
    public String decode(int[] tokens) {
        return decoder.decode(tokens);
    }

    @Override
    public StreamingDetokenizer newDetokenizer() {
        return decoder.newDetokenizer();
    }

    @Override
    public String piece(int token) {
        return decoder.piece(token);
    }

    @Override
    public int vocabSize() {
        return PIECES.length;
    }

    @Override
    public int bosToken() {
        return BOS;
    }

    @Override
    public int eosToken() {
        return EOS;
    }
}
