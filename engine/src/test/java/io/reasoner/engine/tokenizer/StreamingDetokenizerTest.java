package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.gguf.GgufFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class StreamingDetokenizerTest {

    private static SentencePieceTokenizer tokenizer;

    @BeforeAll
    static void loadVocabularyOfStories260K() throws IOException {
        try (GgufFile file = GgufFile.open(TestModels.stories260K())) {
            tokenizer = SentencePieceTokenizer.fromGguf(file.metadata());
        }
    }

    @Test
    void multiByteCharacter_isHeldBackUntilItsLastByteToken() {
        StreamingDetokenizer detokenizer = tokenizer.newDetokenizer();
        detokenizer.skip(tokenizer.encode("A"));

        assertThat(detokenizer.accept(byteToken(0xE4))).isEmpty();
        assertThat(detokenizer.pendingBytes()).isEqualTo(1);
        assertThat(detokenizer.accept(byteToken(0xBD))).isEmpty();
        assertThat(detokenizer.accept(byteToken(0xA0))).isEqualTo("你");
        assertThat(detokenizer.pendingBytes()).isZero();
    }

    @Test
    void deltas_neverSplitACharacter_andConcatenateToTheDecodedText() {
        String text = "Lily 🙂 said 你好, naïve café ümlaut — done";
        int[] tokens = tokenizer.encode(text);
        StreamingDetokenizer detokenizer = tokenizer.newDetokenizer();

        List<String> deltas = new ArrayList<>();
        for (int token : tokens) {
            deltas.add(detokenizer.accept(token));
        }
        deltas.add(detokenizer.flush());

        assertThat(deltas).allSatisfy(StreamingDetokenizerTest::assertWholeCharacters);
        assertThat(String.join("", deltas)).isEqualTo(text).isEqualTo(tokenizer.decode(tokens));
    }

    @Test
    void firstTextAfterBos_losesTheDummySpace_butLaterTextKeepsItsSpaces() {
        StreamingDetokenizer detokenizer = tokenizer.newDetokenizer();
        int once = tokenizer.vocabulary().find("▁Once").getAsInt();
        int upon = tokenizer.vocabulary().find("▁upon").getAsInt();

        assertThat(detokenizer.accept(tokenizer.bosToken())).isEmpty();
        assertThat(detokenizer.accept(once)).isEqualTo("Once");
        assertThat(detokenizer.accept(upon)).isEqualTo(" upon");
    }

    @Test
    void skippedPrompt_letsTheFirstGeneratedWordKeepItsSpace() {
        StreamingDetokenizer detokenizer = tokenizer.newDetokenizer();
        detokenizer.skip(tokenizer.encode("Once"));

        assertThat(detokenizer.accept(tokenizer.vocabulary().find("▁upon").getAsInt())).isEqualTo(" upon");
    }

    @Test
    void bytesThatCanNeverComplete_comeOutAsReplacementCharacters() {
        StreamingDetokenizer detokenizer = tokenizer.newDetokenizer();
        detokenizer.skip(tokenizer.encode("A"));

        assertThat(detokenizer.accept(byteToken(0xE4))).isEmpty();
        assertThat(detokenizer.accept(tokenizer.vocabulary().find("▁upon").getAsInt())).isEqualTo("\uFFFD upon");
        assertThat(detokenizer.accept(byteToken(0xF0))).isEmpty();
        assertThat(detokenizer.flush()).isEqualTo("\uFFFD");
    }

    @Test
    void controlTokens_renderAsNothingByDefault_andVerbatimWhenAsked() {
        int eos = tokenizer.eosToken();

        assertThat(tokenizer.newDetokenizer().accept(eos)).isEmpty();
        assertThat(tokenizer.newDetokenizerRenderingSpecialTokens().accept(eos)).isEqualTo("</s>");
    }

    @Test
    void completePrefixLength_stopsBeforeAnIncompleteTrailingCharacter() {
        byte[] euro = "€".getBytes(StandardCharsets.UTF_8); // E2 82 AC
        byte[] emoji = "🙂".getBytes(StandardCharsets.UTF_8); // F0 9F 99 82

        assertThat(ByteDeltas.completePrefixLength(new byte[] {'a', euro[0], euro[1]}, 3)).isEqualTo(1);
        assertThat(ByteDeltas.completePrefixLength(euro, 3)).isEqualTo(3);
        assertThat(ByteDeltas.completePrefixLength(emoji, 3)).isZero();
        assertThat(ByteDeltas.completePrefixLength(emoji, 4)).isEqualTo(4);
        assertThat(ByteDeltas.completePrefixLength(new byte[] {(byte) 0x82, (byte) 0x82}, 2)).isEqualTo(2);
    }

    private static int byteToken(int value) {
        return tokenizer.vocabulary().find(String.format("<0x%02X>", value)).getAsInt();
    }

    /** A delta that ended inside a character would decode with U+FFFD or leave a lone surrogate. */
    private static void assertWholeCharacters(String delta) {
        assertThat(delta).doesNotContain("\uFFFD");
        assertThat(new String(delta.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(delta);
    }
}
