package io.reasoner.engine.template;

import java.util.List;
import java.util.Map;

/**
 * Turns a conversation into the prompt text a model was trained on. Implementations are immutable and
 * thread-safe.
 *
 * <p>The rendered text may contain special-token markup ({@code <|im_start|>}) and, for some models, the BOS token
 * text; encode it with the model's tokenizer, which recognises special tokens in text, and without adding a second
 * BOS when the text already starts with it.
 */
public interface ChatTemplate {

    /**
     * @param addGenerationPrompt whether to end with the header of the assistant's next turn
     * @param extraContext        further template variables, e.g. {@code enable_thinking = false} for Qwen3; they
     *                            cannot override {@code messages} or {@code add_generation_prompt}
     * @throws ChatTemplateException if the template fails (including its own {@code raise_exception})
     */
    String render(List<ChatMessage> messages, boolean addGenerationPrompt, Map<String, Object> extraContext);

    default String render(List<ChatMessage> messages, boolean addGenerationPrompt) {
        return render(messages, addGenerationPrompt, Map.of());
    }

    /**
     * A model's own Jinja chat template (Hugging Face {@code chat_template}, GGUF {@code tokenizer.chat_template}).
     *
     * @param specialTokens template variables for special tokens, e.g. {@code bos_token -> "<s>"}
     * @throws ChatTemplateException if the template does not parse
     */
    static ChatTemplate jinja(String source, Map<String, String> specialTokens) {
        return new JinjaChatTemplate(source, specialTokens);
    }

    /** For models without a template (base models such as stories260K): the messages' text as is. */
    static ChatTemplate rawPrompt() {
        return RawPromptTemplate.INSTANCE;
    }
}
