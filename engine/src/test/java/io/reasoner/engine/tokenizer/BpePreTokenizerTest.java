package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class BpePreTokenizerTest {

    private static final BpePreTokenizer QWEN2 = BpePreTokenizer.QWEN2;

    @Test
    void qwen2_keepsTheLeadingSpaceWithTheWord() {
        assertThat(QWEN2.split("Hello world!")).containsExactly("Hello", " world", "!");
    }

    @Test
    void qwen2_splitsNumbersIntoSingleDigits() {
        assertThat(QWEN2.split("in 2024")).containsExactly("in", " ", "2", "0", "2", "4");
    }

    @Test
    void qwen2_matchesContractionsCaseInsensitively() {
        assertThat(QWEN2.split("I'M you'll")).containsExactly("I", "'M", " you", "'ll");
    }

    @Test
    void qwen2_keepsNewlinesApartFromWords_andSwallowsThemAfterPunctuation() {
        assertThat(QWEN2.split("a\n\nb")).containsExactly("a", "\n\n", "b");
        assertThat(QWEN2.split("end.\n\nNext")).containsExactly("end", ".\n\n", "Next");
    }

    @Test
    void qwen2_leavesTheLastSpaceOfARunToTheNextWord() {
        assertThat(QWEN2.split("a   b")).containsExactly("a", "  ", " b");
    }

    @Test
    void unicodeWhitespace_countsAsWhitespace() {
        // U+3000 IDEOGRAPHIC SPACE is \s for Oniguruma and llama.cpp; with Java's ASCII \s the two would form
        // one "symbol" piece instead.
        assertThat(QWEN2.split("a\u3000\u3000b")).containsExactly("a", "\u3000", "\u3000b");
        assertThat(BpePreTokenizer.GPT2.split("a\u3000\u3000b")).containsExactly("a", "\u3000", "\u3000", "b");
    }

    @Test
    void gpt2_keepsDigitRunsTogether() {
        assertThat(BpePreTokenizer.GPT2.split("in 2024, ok")).containsExactly("in", " 2024", ",", " ok");
    }

    @Test
    void pieces_alwaysConcatenateToTheInput() {
        String text = "Mixed: 12ab\t\tCJK 中文, emoji 👍🏽 and café\r\n  end ";

        assertThat(String.join("", QWEN2.split(text))).isEqualTo(text);
        assertThat(String.join("", BpePreTokenizer.GPT2.split(text))).isEqualTo(text);
    }

    @Test
    void ggufNames_selectTheirPattern_andUnknownNamesAreRefused() {
        assertThat(BpePreTokenizer.fromGgufName("qwen2")).isSameAs(QWEN2);
        assertThat(BpePreTokenizer.fromGgufName("deepseek-r1-qwen")).isSameAs(QWEN2);
        assertThat(BpePreTokenizer.fromGgufName(null)).isSameAs(BpePreTokenizer.GPT2);
        assertThat(BpePreTokenizer.fromGgufName("gpt2")).isSameAs(BpePreTokenizer.GPT2);
        assertThatThrownBy(() -> BpePreTokenizer.fromGgufName("chameleon"))
                .isInstanceOf(UnsupportedTokenizerException.class)
                .hasMessageContaining("'chameleon'");
    }

    @Test
    void knownRegex_isRecognised_andOthersAreCompiledAsGiven() {
        assertThat(BpePreTokenizer.ofRegex(QWEN2.regex())).isSameAs(QWEN2);
        assertThat(BpePreTokenizer.ofRegex("\\d+").split("ab12cd")).containsExactly("ab", "12", "cd");
    }
}
