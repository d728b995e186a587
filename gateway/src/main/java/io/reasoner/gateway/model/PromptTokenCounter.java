package io.reasoner.gateway.model;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.gguf.GgufMetadata;
import io.reasoner.engine.template.ChatMessage;
import io.reasoner.engine.template.ChatTemplate;
import io.reasoner.engine.template.ChatTemplates;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.engine.tokenizer.Tokenizers;

/**
 * Counts a conversation's prompt tokens exactly as the worker will: through the served model's own chat template
 * (a user turn plus the generation prompt, thinking enabled) and its own tokenizer. Built from the GGUF file's
 * metadata alone; the weights are never read. Thread-safe: the engine's tokenizers and templates are.
 */
public final class PromptTokenCounter {

    private final Tokenizer tokenizer;
    private final ChatTemplate template;
    private final int contextLength;

    PromptTokenCounter(Tokenizer tokenizer, ChatTemplate template, int contextLength) {
        if (contextLength < 1) {
            throw new IllegalArgumentException("contextLength must be >= 1, was " + contextLength);
        }
        this.tokenizer = tokenizer;
        this.template = template;
        this.contextLength = contextLength;
    }

    /**
     * Reads the tokenizer, chat template and {@code <architecture>.context_length} of a GGUF model file.
     *
     * @throws UncheckedIOException     if the file cannot be read
     * @throws IllegalArgumentException if its metadata lacks the architecture or context length
     */
    public static PromptTokenCounter fromGguf(Path model) {
        try (GgufFile file = GgufFile.open(model)) {
            GgufMetadata metadata = file.metadata();
            String architecture = metadata.findString("general.architecture").orElseThrow(
                    () -> new IllegalArgumentException(model + " has no general.architecture in its metadata"));
            int context = metadata.findInt(architecture + ".context_length").orElseThrow(
                    () -> new IllegalArgumentException(model + " has no " + architecture + ".context_length"));
            return new PromptTokenCounter(Tokenizers.fromGguf(metadata), ChatTemplates.fromGguf(metadata), context);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the model metadata of " + model, e);
        }
    }

    /** The model's context, in tokens: prompt and output together must fit in it. */
    public int contextLength() {
        return contextLength;
    }

    /** Tokens of the conversation as the model sees it, template included. */
    public int count(List<io.reasoner.protocol.ChatMessage> conversation) {
        List<ChatMessage> messages = conversation.stream()
                .map(message -> new ChatMessage(message.role(), message.content())).toList();
        return tokenizer.encode(template.render(messages, true, Map.of("enable_thinking", true))).length;
    }
}
