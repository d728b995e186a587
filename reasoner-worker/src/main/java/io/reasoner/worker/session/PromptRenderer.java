package io.reasoner.worker.session;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.template.ChatMessage;
import io.reasoner.engine.template.ChatTemplate;
import io.reasoner.engine.template.ChatTemplates;

/**
 * Turns a request's prompt into the text the model sees: through the model's own chat template when it has one
 * (a user turn plus the generation prompt, thinking enabled), or unchanged for a base model without a template.
 */
public final class PromptRenderer {

    private final ChatTemplate template;

    public PromptRenderer(ChatTemplate template) {
        this.template = template;
    }

    /** The template stored with a model: GGUF {@code tokenizer.chat_template}, or a folder's tokenizer_config. */
    public static PromptRenderer forModel(Path model) {
        try {
            if (Files.isDirectory(model)) {
                return new PromptRenderer(ChatTemplates.fromHuggingFaceFolder(model));
            }
            try (GgufFile file = GgufFile.open(model)) {
                return new PromptRenderer(ChatTemplates.fromGguf(file.metadata()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the chat template of " + model, e);
        }
    }

    /** A conversation as the model's template lays it out, ending with the prompt for the assistant's turn. */
    public String render(List<io.reasoner.protocol.ChatMessage> conversation) {
        List<ChatMessage> messages = conversation.stream()
                .map(message -> new ChatMessage(message.role(), message.content())).toList();
        return template.render(messages, true, Map.of("enable_thinking", true));
    }
}
