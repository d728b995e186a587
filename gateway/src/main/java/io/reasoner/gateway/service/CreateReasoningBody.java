package io.reasoner.gateway.service;

import java.util.Map;

/**
 * The JSON body of {@code POST /v1/reasoning}. Every field but {@code prompt} is optional; absent budget fields
 * take the gateway's configured defaults and the protocol's s1 defaults.
 */
public record CreateReasoningBody(
        String prompt,
        String model,
        BudgetBody budget,
        SamplingBody sampling,
        String priority,
        Long deadlineMs,
        Map<String, String> metadata) {

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
