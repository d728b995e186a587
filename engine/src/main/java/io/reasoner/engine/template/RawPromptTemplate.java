package io.reasoner.engine.template;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The template-free fallback: a base model continues plain text, so the prompt is the messages' content joined by
 * newlines, with no roles and no generation prompt.
 */
final class RawPromptTemplate implements ChatTemplate {

    static final RawPromptTemplate INSTANCE = new RawPromptTemplate();

    private RawPromptTemplate() {
    }

    @Override
    public String render(List<ChatMessage> messages, boolean addGenerationPrompt, Map<String, Object> extraContext) {
        Objects.requireNonNull(messages, "messages");
        return messages.stream().map(ChatMessage::content).collect(Collectors.joining("\n"));
    }

    @Override
    public String toString() {
        return "RawPromptTemplate";
    }
}
