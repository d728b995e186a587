package io.reasoner.engine.tokenizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HuggingFaceTokenizerConfigTest {

    @Test
    void qwen3Config_hasNoBos_imEndAsEos_andItsChatTemplate() {
        HuggingFaceTokenizerConfig config = HuggingFaceTokenizerConfig.readFolder(TestTokenizers.qwen3Folder());

        assertThat(config.bosToken()).isEmpty();
        assertThat(config.eosToken()).contains("<|im_end|>");
        assertThat(config.addBosToken()).contains(false);
        assertThat(config.chatTemplate()).hasValueSatisfying(
                template -> assertThat(template).contains("enable_thinking"));
        assertThat(config.specialTokens()).containsExactly(
                Map.entry("eos_token", "<|im_end|>"), Map.entry("pad_token", "<|endoftext|>"));
    }

    @Test
    void specialTokensWrittenAsAddedTokenObjects_areReadAsTheirContent() {
        HuggingFaceTokenizerConfig config = HuggingFaceTokenizerConfig.parse(
                "{\"bos_token\": {\"content\": \"<s>\", \"lstrip\": false}, \"eos_token\": \"</s>\"}");

        assertThat(config.bosToken()).contains("<s>");
        assertThat(config.eosToken()).contains("</s>");
        assertThat(config.chatTemplate()).isEmpty();
    }

    @Test
    void listOfNamedTemplates_yieldsTheDefaultOne() {
        HuggingFaceTokenizerConfig config = HuggingFaceTokenizerConfig.parse("{\"chat_template\": ["
                + "{\"name\": \"tool_use\", \"template\": \"T\"}, {\"name\": \"default\", \"template\": \"D\"}]}");

        assertThat(config.chatTemplate()).contains("D");
    }

    @Test
    void folderWithoutConfig_readsAsEmpty(@TempDir Path folder) {
        assertThat(HuggingFaceTokenizerConfig.readFolder(folder)).isEqualTo(HuggingFaceTokenizerConfig.empty());
    }

    @Test
    void malformedJson_isRejectedWithTheFileName() {
        assertThatThrownBy(() -> HuggingFaceTokenizerConfig.parse("[1, 2]"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("tokenizer_config.json must be a JSON object");
    }
}
