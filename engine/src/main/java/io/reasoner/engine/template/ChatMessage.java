package io.reasoner.engine.template;

import java.util.Objects;

/**
 * One message of a conversation as chat templates see it ({@code messages[i].role}, {@code .content}). An assistant
 * message may carry its reasoning inline as {@code <think>…</think>}; templates such as Qwen3's strip it from
 * earlier turns themselves.
 *
 * @param role    "system", "user", "assistant" or "tool" (templates may know others)
 * @param content the text, possibly empty
 */
public record ChatMessage(String role, String content) {

    public ChatMessage {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(content, "content");
        if (role.isBlank()) {
            throw new IllegalArgumentException("role must not be blank");
        }
    }

    public static ChatMessage system(String content) {
        return new ChatMessage("system", content);
    }

    public static ChatMessage user(String content) {
        return new ChatMessage("user", content);
    }

    public static ChatMessage assistant(String content) {
        return new ChatMessage("assistant", content);
    }
}
