package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class HuggingFaceBpeLoaderTest {

    private static final HuggingFaceTokenizerConfig EOS_IS_END = HuggingFaceTokenizerConfig.parse(
            "{\"eos_token\": \"<end>\"}");

    /** A GPT-2-style file: vocabulary a, b, ab, Ġ; one merge; ByteLevel pre-tokenizer; one added token. */
    private static String gpt2Style(String modelExtras, String normalizer) {
        return "{\"normalizer\": " + normalizer + ","
                + " \"pre_tokenizer\": {\"type\": \"ByteLevel\", \"add_prefix_space\": false, \"use_regex\": true},"
                + " \"added_tokens\": [{\"id\": 4, \"content\": \"<end>\", \"special\": true}],"
                + " \"model\": {\"type\": \"BPE\"" + modelExtras + ", \"vocab\": {\"a\": 0, \"b\": 1, \"ab\": 2,"
                + " \"Ġ\": 3}, \"merges\": [[\"a\", \"b\"]]}}";
    }

    @Test
    void gpt2StyleFile_loadsWithPairMerges_andSpecialAddedTokens() {
        BpeTokenizer tokenizer = HuggingFaceBpeLoader.load(TokenizerJson.parse(gpt2Style("", "null")), EOS_IS_END);

        assertThat(tokenizer.preTokenizer()).isSameAs(BpePreTokenizer.GPT2);
        assertThat(tokenizer.encode("ab<end>")).containsExactly(2, 4);
        assertThat(tokenizer.eosToken()).isEqualTo(4);
        assertThat(tokenizer.vocabulary().types().get(4)).isEqualTo(TokenType.CONTROL);
    }

    @Test
    void byteFallbackModels_areRefused() {
        TokenizerJson json = TokenizerJson.parse(gpt2Style(", \"byte_fallback\": true", "null"));

        assertThatThrownBy(() -> HuggingFaceBpeLoader.load(json, EOS_IS_END))
                .isInstanceOf(UnsupportedTokenizerException.class)
                .hasMessageContaining("byte_fallback");
    }

    @Test
    void normalizersOtherThanNfc_areRefused() {
        TokenizerJson json = TokenizerJson.parse(gpt2Style("", "{\"type\": \"Lowercase\"}"));

        assertThatThrownBy(() -> HuggingFaceBpeLoader.load(json, EOS_IS_END))
                .isInstanceOf(UnsupportedTokenizerException.class)
                .hasMessageContaining("normalizer Lowercase");
    }

    @Test
    void missingEosToken_isRefused() {
        TokenizerJson json = TokenizerJson.parse(gpt2Style("", "null"));

        assertThatThrownBy(() -> HuggingFaceBpeLoader.load(json, HuggingFaceTokenizerConfig.empty()))
                .isInstanceOf(UnsupportedTokenizerException.class)
                .hasMessageContaining("eos_token");
    }
}
