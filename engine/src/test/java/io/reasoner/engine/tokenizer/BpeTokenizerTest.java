package io.reasoner.engine.tokenizer;

import static io.reasoner.engine.tokenizer.TinyBpe.byteId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BpeTokenizerTest {

    @Test
    void lowestRankMerge_winsOverTheLeftmostPair() {
        TinyBpe vocabulary = new TinyBpe("b c", "a b");

        assertThat(vocabulary.tokenizer(0).encode("abc")).containsExactly(byteId('a'), vocabulary.id("bc"));
        assertThat(new TinyBpe("a b", "b c").tokenizer(0).encode("abc"))
                .containsExactly(256, byteId('c'));
    }

    @Test
    void equalRanks_mergeLeftmostFirst_andMergesBuildOnMerges() {
        TinyBpe vocabulary = new TinyBpe("a a", "aa a");

        // "aaaa": both "a a" pairs merge before the worse-ranked "aa a" is considered, as in GPT-2.
        assertThat(vocabulary.tokenizer(0).encode("aaaa")).containsExactly(vocabulary.id("aa"), vocabulary.id("aa"));
        assertThat(vocabulary.tokenizer(0).encode("aaa")).containsExactly(vocabulary.id("aaa"));
    }

    @Test
    void merges_neverCrossPreTokenizerPieces() {
        // Qwen2 puts each digit in its own piece, so the rule "a 1" never applies to "a1".
        TinyBpe vocabulary = new TinyBpe("a 1", "Ġ a");

        assertThat(vocabulary.tokenizer(0).encode("a1 a"))
                .containsExactly(byteId('a'), byteId('1'), vocabulary.id("Ġa"));
    }

    @Test
    void specialTokensInText_encodeAsSingleIds() {
        TinyBpe vocabulary = new TinyBpe().control("<|im_end|>").userDefined("<think>");
        BpeTokenizer tokenizer = vocabulary.tokenizer(vocabulary.id("<|im_end|>"));

        assertThat(tokenizer.encode("x<think>y<|im_end|>")).containsExactly(
                byteId('x'), vocabulary.id("<think>"), byteId('y'), vocabulary.id("<|im_end|>"));
    }

    @Test
    void decode_showsUserDefinedTokens_andHidesControlTokensUnlessAsked() {
        TinyBpe vocabulary = new TinyBpe().control("<|im_end|>").userDefined("<think>");
        BpeTokenizer tokenizer = vocabulary.tokenizer(vocabulary.id("<|im_end|>"));
        int[] tokens = tokenizer.encode("<think>hi<|im_end|>");

        assertThat(tokenizer.decode(tokens)).isEqualTo("<think>hi");
        StreamingDetokenizer verbose = tokenizer.newDetokenizerRenderingSpecialTokens();
        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            text.append(verbose.accept(token));
        }
        assertThat(text).hasToString("<think>hi<|im_end|>");
    }

    @Test
    void characterSpreadOverByteTokens_isHeldBackUntilComplete() {
        BpeTokenizer tokenizer = new TinyBpe().tokenizer(0);
        int[] tokens = tokenizer.encode("🙂!");
        StreamingDetokenizer detokenizer = tokenizer.newDetokenizer();

        List<String> deltas = new ArrayList<>();
        for (int token : tokens) {
            deltas.add(detokenizer.accept(token));
        }

        assertThat(tokens).hasSize(5); // F0 9F 99 82 and '!', nothing merges
        assertThat(deltas).containsExactly("", "", "", "🙂", "!");
        assertThat(detokenizer.pendingBytes()).isZero();
    }

    @Test
    void noBosToken_meansEncodeCannotAddOne() {
        BpeTokenizer tokenizer = new TinyBpe().tokenizer(0);

        assertThat(tokenizer.bosToken()).isEqualTo(-1);
        assertThat(tokenizer.encode("a")).containsExactly(byteId('a'));
        assertThatThrownBy(() -> tokenizer.encode("a", true)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void mergeNamingAnUnknownToken_isRejectedAtConstruction() {
        BpeVocabulary vocabulary = new BpeVocabulary(List.of("a", "b"), List.of(TokenType.NORMAL, TokenType.NORMAL),
                List.of("a b"), -1, 0, false);

        assertThatThrownBy(() -> new BpeTokenizer(vocabulary, BpePreTokenizer.GPT2, false))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs token 'ab'");
    }

    @Test
    void vocabulary_validatesSpecialIds() {
        List<TokenType> types = List.of(TokenType.NORMAL);

        assertThatThrownBy(() -> new BpeVocabulary(List.of("a"), types, List.of(), -1, 1, false))
                .hasMessage("eos must be in [0, 0], was 1");
        assertThatThrownBy(() -> new BpeVocabulary(List.of("a"), types, List.of(), -1, 0, true))
                .hasMessage("addBos requires a BOS id, but bos is -1");
        assertThatThrownBy(() -> new BpeVocabulary(List.of("a"), List.of(), List.of(), -1, 0, false))
                .hasMessage("types must have one entry per token (1), had 0");
    }
}
