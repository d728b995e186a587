package io.reasoner.engine.template;

import static io.reasoner.engine.template.ChatMessage.user;
import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.gguf.GgufArray;
import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.gguf.GgufValueType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChatTemplatesTest {

    @Test
    void ggufWithoutTemplate_fallsBackToTheRawPrompt() throws IOException {
        try (GgufFile file = GgufFile.open(TestModels.stories260K())) {
            ChatTemplate template = ChatTemplates.fromGguf(file.metadata());

            assertThat(template).isSameAs(ChatTemplate.rawPrompt());
            assertThat(template.render(List.of(user("Once upon a time")), true)).isEqualTo("Once upon a time");
        }
    }

    @Test
    void ggufTemplate_seesBosAndEosFromTheEmbeddedVocabulary() {
        GgufMetadata metadata = new GgufMetadata(Map.of(
                "tokenizer.chat_template", "{{ bos_token }}{{ messages[0].content }}{{ eos_token }}",
                "tokenizer.ggml.tokens", new GgufArray(GgufValueType.STRING, new String[] {"<unk>", "<s>", "</s>"}),
                "tokenizer.ggml.bos_token_id", 1L,
                "tokenizer.ggml.eos_token_id", 2));

        assertThat(ChatTemplates.fromGguf(metadata).render(List.of(user("hi")), false)).isEqualTo("<s>hi</s>");
    }

    @Test
    void huggingFaceFolderWithoutConfig_fallsBackToTheRawPrompt(@TempDir Path folder) {
        assertThat(ChatTemplates.fromHuggingFaceFolder(folder)).isSameAs(ChatTemplate.rawPrompt());
    }
}
