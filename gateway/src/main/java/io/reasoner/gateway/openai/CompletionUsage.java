package io.reasoner.gateway.openai;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.reasoner.protocol.Usage;

/**
 * OpenAI's usage object. Completion tokens are thinking plus answer, and the thinking part is reported as
 * {@code reasoning_tokens}, as OpenAI reports its reasoning models.
 */
record CompletionUsage(
        @JsonProperty("prompt_tokens") int promptTokens,
        @JsonProperty("completion_tokens") int completionTokens,
        @JsonProperty("total_tokens") int totalTokens,
        @JsonProperty("completion_tokens_details") Details completionTokensDetails) {

    record Details(@JsonProperty("reasoning_tokens") int reasoningTokens) {
    }

    static CompletionUsage of(Usage usage) {
        return new CompletionUsage(usage.promptTokens(), usage.completionTokens(),
                usage.promptTokens() + usage.completionTokens(), new Details(usage.thinkingTokens()));
    }
}
