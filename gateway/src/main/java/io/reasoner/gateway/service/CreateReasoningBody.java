package io.reasoner.gateway.service;

import java.util.Map;

/**
 * The JSON body of {@code POST /v1/reasoning}. It needs a {@code prompt} or {@code messages} (or both: the prompt
 * is then the last user turn); every other field is optional; absent budget fields
 * take the gateway's configured defaults and the protocol's s1 defaults.
 */
public record CreateReasoningBody(
        String prompt,
        java.util.List<MessageBody> messages,
        String model,
        BudgetBody budget,
        SamplingBody sampling,
        String priority,
        Long deadlineMs,
        Map<String, String> metadata) {

    public record MessageBody(String role, String content) {
    }

    public record BudgetBody(
            Integer maxThinkingTokens,
            Integer minThinkingTokens,
            Integer extensions,
            String extensionText,
            String forcedAnswerPrefix,
            Integer maxAnswerTokens) {
    }

    public record SamplingBody(Double temperature, Double topP, Long seed) {
    }
}
