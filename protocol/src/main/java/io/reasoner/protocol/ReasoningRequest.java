package io.reasoner.protocol;

import java.util.Map;

/**
 * A question to reason about, on {@link ReasoningTopic#REQUESTS}.
 *
 * @param requestId   unique, unguessable id; the key of every event about this request
 * @param tenant      the owner; another tenant can neither see nor cancel it
 * @param model       the model asked for, or null for the workers' default
 * @param prompt      the raw prompt text
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
        Checks.notBlank("prompt", prompt);
        Checks.maxLength("prompt", prompt, MAX_PROMPT_CHARS);
        Checks.notNull("budget", budget);
        sampling = sampling == null ? Sampling.GREEDY : sampling;
        priority = priority == null ? Priority.INTERACTIVE : priority;
        metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        Checks.atLeast("createdAtMs", createdAtMs, 0);
    }

    @Override
    public String key() {
        return requestId;
    }
}
