package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.gguf.GgufFile;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SentencePieceTokenizerTest {

    private static SentencePieceTokenizer tokenizer;

    @BeforeAll
    static void loadVocabularyOfStories260K() throws IOException {
        try (GgufFile file = GgufFile.open(TestModels.stories260K())) {
            tokenizer = SentencePieceTokenizer.fromGguf(file.metadata());
        }
    }

    @Test
    void encode_prefixesBosAndADummySpace_andMergesIntoWholeWordPieces() {
        int[] tokens = tokenizer.encode("Once upon a time, there was");

        assertThat(tokens[0]).isEqualTo(1);
        assertThat(pieces(tokens)).containsExactly("<s>", "▁Once", "▁upon", "▁a", "▁time", ",", "▁there", "▁was");
    }

    @Test
    void emptyText_encodesToBosAlone() {
        assertThat(tokenizer.encode("")).containsExactly(1);
        assertThat(tokenizer.encode("", false)).isEmpty();
    }

    @Test
    void asciiText_roundTrips() {
        String text = "Lily saw a big, red ball.\nShe said: \"Let's play!\"  Two  spaces.";

        assertThat(tokenizer.decode(tokenizer.encode(text))).isEqualTo(text);
    }

    @Test
    void nonAsciiText_roundTripsThroughByteFallback() {
        String text = "Café — 你好 🙂!";

        int[] tokens = tokenizer.encode(text);

        // 你 is E4 BD A0 in UTF-8; the 512-token vocabulary has no such piece, so it falls back to bytes.
        assertThat(pieces(tokens)).containsSubsequence("<0xE4>", "<0xBD>", "<0xA0>");
        assertThat(tokenizer.decode(tokens)).isEqualTo(text);
    }

    @Test
    void decode_rendersControlTokensAsNothing_andStripsOnlyTheDummySpace() {
        int[] tokens = tokenizer.encode("Hi there");
        int[] withEos = Arrays.copyOf(tokens, tokens.length + 1);
        withEos[tokens.length] = tokenizer.eosToken();

        assertThat(tokenizer.decode(withEos)).isEqualTo("Hi there");
        assertThat(tokenizer.decode(tokenizer.encode(" leading space"))).isEqualTo(" leading space");
    }

    @Test
    void highestScoringMerge_winsOverLeftmostMerge() {
        // "abc": the pair "ab" is mergeable but "bc" scores higher, so SPM yields a + bc rather than ab + c.
        Vocabulary vocabulary = new Vocabulary(List.of("<unk>", "<s>", "</s>", "a", "b", "c", "ab", "bc"),
                new float[] {0, 0, 0, -1, -1, -1, -5, -2}, types(8), 1, 2, 0, false, false);
        SentencePieceTokenizer tiny = new SentencePieceTokenizer(vocabulary);

        assertThat(tiny.encode("abc")).containsExactly(3, 7);
        assertThat(tiny.encode("abab")).containsExactly(6, 6);
    }

    @Test
    void characterWithoutByteTokens_fallsBackToUnknown() {
        Vocabulary vocabulary = new Vocabulary(List.of("<unk>", "<s>", "</s>", "a"),
                new float[4], types(4), 1, 2, 0, false, false);

        assertThat(new SentencePieceTokenizer(vocabulary).encode("aé")).containsExactly(3, 0, 0);
    }

    private static TokenType[] types(int size) {
        TokenType[] types = new TokenType[size];
        Arrays.fill(types, TokenType.NORMAL);
        types[0] = TokenType.UNKNOWN;
        types[1] = TokenType.CONTROL;
        types[2] = TokenType.CONTROL;
        return types;
    }

    private static List<String> pieces(int[] tokens) {
        return Arrays.stream(tokens).mapToObj(tokenizer::piece).toList();
    }
}
