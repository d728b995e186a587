package io.reasoner.protocol;

import java.util.Map;

/**
 * A question to reason about, on {@link ReasoningTopic#REQUESTS}.
 *
 * @param requestId   unique, unguessable id; the key of every event about this request
 * @param tenant      the owner; another tenant can neither see nor cancel it
 * @param model       the model asked for, or null for the workers' default
 * @param prompt      the raw prompt text; with {@code messages}, may be null
 * @param messages    a conversation to render through the model's chat template, instead of (or, with a
 *                    prompt, before) the raw prompt; empty when only a prompt is given
 * @param budget      budget-forcing settings as requested
 * @param sampling    sampling settings
 * @param priority    service tier
 * @param deadlineMs  absolute deadline in epoch milliseconds, or null for none
 * @param metadata    opaque caller data, copied to the result
 * @param createdAtMs when the gateway (or external producer) accepted it, epoch milliseconds
 */
public record ReasoningRequest(
        String requestId,
        String tenant,
        String model,
        String prompt,
        java.util.List<ChatMessage> messages,
        Budget budget,
        Sampling sampling,
        Priority priority,
        Long deadlineMs,
        Map<String, String> metadata,
        long createdAtMs) implements ReasoningEvent {

    /** Prompts longer than this (in characters) are refused before they reach a model. */
    public static final int MAX_PROMPT_CHARS = 200_000;

    public ReasoningRequest {
        Checks.notBlank("requestId", requestId);
        Checks.maxLength("requestId", requestId, 128);
        tenant = tenant == null ? "default" : tenant;
        messages = messages == null ? java.util.List.of() : java.util.List.copyOf(messages);
        if (messages.isEmpty()) {
            Checks.notBlank("prompt", prompt);
        }
        Checks.maxLength("prompt", prompt, MAX_PROMPT_CHARS);
        int chars = (prompt == null ? 0 : prompt.length())
                + messages.stream().mapToInt(message -> message.content().length()).sum();
        if (chars > MAX_PROMPT_CHARS) {
            throw new IllegalArgumentException("prompt and messages must be at most " + MAX_PROMPT_CHARS
                    + " characters in all, were " + chars);
        }
        Checks.notNull("budget", budget);
        sampling = sampling == null ? Sampling.GREEDY : sampling;
        priority = priority == null ? Priority.INTERACTIVE : priority;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        Checks.atLeast("createdAtMs", createdAtMs, 0);
    }

    /** The conversation to render: the messages, then the prompt (if any) as a final user turn. */
    public java.util.List<ChatMessage> conversation() {
        if (prompt == null || prompt.isBlank()) {
            return messages;
        }
        java.util.List<ChatMessage> all = new java.util.ArrayList<>(messages);
        all.add(new ChatMessage("user", prompt));
        return java.util.List.copyOf(all);
    }

    /** This request with another budget: what a budget policy granted in place of what was asked. */
    public ReasoningRequest withBudget(Budget granted) {
        return new ReasoningRequest(requestId, tenant, model, prompt, messages, granted, sampling, priority,
                deadlineMs, metadata, createdAtMs);
    }

    @Override
    public String key() {
        return requestId;
    }
}
