package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The real Qwen3 tokenizer, through the Rust reference (DJL) and through the pure-Java BPE loaded from
 * {@code tokenizer.json}; the GGUF path is checked against the same reference in {@link Qwen3GgufBpeTest}.
 */
class Qwen3ConformanceTest {

    private static DjlHuggingFaceTokenizer reference;
    private static BpeTokenizer javaBpe;

    @BeforeAll
    static void loadQwen3() {
        reference = HuggingFaceTokenizers.fromFolder(TestTokenizers.qwen3Folder());
        javaBpe = HuggingFaceTokenizers.bpeFromFolder(TestTokenizers.qwen3Folder());
    }

    @AfterAll
    static void closeReference() {
        reference.close();
    }

    @Test
    void thinkTagsChatMarkersAndWait_areSingleTokens() {
        for (Tokenizer tokenizer : List.of(reference, javaBpe)) {
            assertThat(tokenizer.encode("<think>")).containsExactly(151667);
            assertThat(tokenizer.encode("</think>")).containsExactly(151668);
            assertThat(tokenizer.encode("<|im_start|>")).containsExactly(151644);
            assertThat(tokenizer.encode("Wait")).containsExactly(14190);
        }
    }

    @Test
    void specialIdsAndVocabulary_comeFromTheConfigAndTokenizerJson() {
        assertThat(reference.eosToken()).isEqualTo(151645); // <|im_end|>
        assertThat(reference.bosToken()).isEqualTo(-1); // Qwen has none, and adds none
        assertThat(reference.vocabSize()).isEqualTo(151669);
        assertThat(reference.piece(14190)).isEqualTo("Wait");
        assertThat(reference.piece(151667)).isEqualTo("<think>");
        assertThat(javaBpe.eosToken()).isEqualTo(151645);
        assertThat(javaBpe.vocabSize()).isEqualTo(151669);
    }

    @Test
    void chatMarkup_encodesSpecialTokensInPlace() {
        String prompt = "<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n";

        int[] tokens = reference.encode(prompt);

        assertThat(tokens).startsWith(151644).contains(151645);
        assertThat(javaBpe.encode(prompt)).containsExactly(tokens);
    }

    @Test
    void variedText_roundTripsThroughTheReference() {
        for (String text : Qwen3Corpus.SAMPLES) {
            assertThat(Normalizer.isNormalized(text, Normalizer.Form.NFC)).as("NFC: %s", text).isTrue();
            assertThat(reference.decode(reference.encode(text))).isEqualTo(text);
        }
    }

    @Test
    void javaBpe_givesTheReferenceIds_andRoundTrips() {
        for (String text : Qwen3Corpus.SAMPLES) {
            int[] expected = reference.encode(text);

            assertThat(javaBpe.encode(text)).as(text).containsExactly(expected);
            assertThat(javaBpe.decode(expected)).isEqualTo(text);
        }
    }

    @Test
    void longText_isNotTruncated() {
        String text = Qwen3Corpus.longText();

        int[] tokens = reference.encode(text);

        assertThat(tokens.length).isGreaterThan(2_000);
        assertThat(reference.decode(tokens)).isEqualTo(text);
        assertThat(javaBpe.encode(text)).containsExactly(tokens);
    }

    @Test
    void decomposedInput_isNormalizedToNfcFirst_byBothImplementations() {
        String decomposed = "cafe\u0301"; // é as e + COMBINING ACUTE ACCENT

        assertThat(reference.encode(decomposed)).containsExactly(reference.encode("café"));
        assertThat(javaBpe.encode(decomposed)).containsExactly(reference.encode("café"));
    }

    @Test
    void decode_skipsControlTokens_butShowsThinkTags() {
        int[] tokens = reference.encode("<|im_start|>assistant\n<think>\nhm\n</think>\n\nOK<|im_end|>");

        assertThat(reference.decode(tokens)).isEqualTo("assistant\n<think>\nhm\n</think>\n\nOK");
        assertThat(javaBpe.decode(tokens)).isEqualTo("assistant\n<think>\nhm\n</think>\n\nOK");
    }

    @Test
    void streamingDeltas_ofBothImplementations_neverSplitACharacter_andSumToTheDecode() {
        String text = String.join("\n", Qwen3Corpus.SAMPLES);
        int[] tokens = reference.encode(text);

        for (Supplier<StreamingDetokenizer> detokenizers : List.<Supplier<StreamingDetokenizer>>of(
                reference::newDetokenizer, javaBpe::newDetokenizer)) {
            StreamingDetokenizer detokenizer = detokenizers.get();
            List<String> deltas = new ArrayList<>();
            for (int token : tokens) {
                deltas.add(detokenizer.accept(token));
            }
            deltas.add(detokenizer.flush());

            assertThat(deltas).allSatisfy(Qwen3ConformanceTest::assertWholeCharacters);
            assertThat(String.join("", deltas)).isEqualTo(text);
        }
    }

    @Test
    void emojiSplitAcrossTokens_isHeldBackByTheReferenceDetokenizer() {
        int[] tokens = reference.encode("🇩🇪"); // regional indicators: several byte-level tokens per flag
        StreamingDetokenizer detokenizer = reference.newDetokenizer();

        StringBuilder text = new StringBuilder();
        for (int token : tokens) {
            String delta = detokenizer.accept(token);
            assertWholeCharacters(delta);
            text.append(delta);
        }

        assertThat(tokens.length).isGreaterThan(1);
        assertThat(text.append(detokenizer.flush())).hasToString("🇩🇪");
    }

    /** A delta that ended inside a character would decode with U+FFFD or leave a lone surrogate. */
    private static void assertWholeCharacters(String delta) {
        assertThat(delta).doesNotContain("\uFFFD");
        assertThat(new String(delta.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)).isEqualTo(delta);
    }
}
