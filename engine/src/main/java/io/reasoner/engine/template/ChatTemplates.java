package io.reasoner.engine.template;

import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.tokenizer.HuggingFaceTokenizerConfig;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Finds a model's chat template: its own Jinja template where it ships one, else the raw-prompt fallback. */
public final class ChatTemplates {

    private ChatTemplates() {
    }

    /**
     * From GGUF metadata: {@code tokenizer.chat_template}, with {@code bos_token}/{@code eos_token} taken from the
     * embedded vocabulary; {@link ChatTemplate#rawPrompt()} when the file has no template.
     */
    public static ChatTemplate fromGguf(GgufMetadata metadata) {
        return metadata.findString("tokenizer.chat_template")
                .map(source -> ChatTemplate.jinja(source, ggufSpecialTokens(metadata)))
                .orElse(ChatTemplate.rawPrompt());
    }

    /** From a Hugging Face model folder's {@code tokenizer_config.json}, or the raw-prompt fallback. */
    public static ChatTemplate fromHuggingFaceFolder(Path folder) {
        HuggingFaceTokenizerConfig config = HuggingFaceTokenizerConfig.readFolder(folder);
        return config.chatTemplate()
                .map(source -> ChatTemplate.jinja(source, config.specialTokens()))
                .orElse(ChatTemplate.rawPrompt());
    }

    private static Map<String, String> ggufSpecialTokens(GgufMetadata metadata) {
        Map<String, String> tokens = new LinkedHashMap<>();
        if (!metadata.contains("tokenizer.ggml.tokens")) {
            return tokens;
        }
        List<String> vocabulary = metadata.getStringArray("tokenizer.ggml.tokens");
        for (String name : List.of("bos", "eos", "unknown", "padding")) {
            metadata.find("tokenizer.ggml." + name + "_token_id")
                    .map(id -> ((Number) id).longValue())
                    .filter(id -> id >= 0 && id < vocabulary.size())
                    .ifPresent(id -> tokens.put(templateName(name), vocabulary.get(id.intValue())));
        }
        return tokens;
    }

    /** GGUF key names to the variable names Hugging Face templates use. */
    private static String templateName(String ggufName) {
        return switch (ggufName) {
            case "unknown" -> "unk_token";
            case "padding" -> "pad_token";
            default -> ggufName + "_token";
        };
    }
}
