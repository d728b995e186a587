package io.reasoner.gateway.openai;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import tools.jackson.databind.JsonNode;

/**
 * The body of {@code POST /v1/chat/completions}: OpenAI's Chat Completions request, plus the budget-forcing
 * extensions. Fields this API does not use (tools, logit_bias, user, …) are ignored, as OpenAI-compatible servers
 * do; {@link ChatRequestMapper} checks the values and rejects the contradictory ones.
 *
 * @param maxThinkingTokens   cap on thinking tokens; {@code thinkingTokenBudget} is vLLM's name for the same
 * @param reasoningEffort     {@code low}, {@code medium} or {@code high}: a configured thinking cap
 * @param minThinkingTokens   s1: thinking may not end before this many tokens
 * @param thinkingExtensions  s1: how many attempts to end thinking are suppressed with {@code extensionText}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
record ChatCompletionRequest(
        String model,
        List<Message> messages,
        @JsonProperty("max_tokens") Integer maxTokens,
        @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
        Double temperature,
        @JsonProperty("top_p") Double topP,
        Long seed,
        Integer n,
        Boolean stream,
        @JsonProperty("stream_options") StreamOptions streamOptions,
        @JsonProperty("reasoning_effort") String reasoningEffort,
        @JsonProperty("max_thinking_tokens") Integer maxThinkingTokens,
        @JsonProperty("thinking_token_budget") Integer thinkingTokenBudget,
        @JsonProperty("min_thinking_tokens") Integer minThinkingTokens,
        @JsonProperty("thinking_extensions") Integer thinkingExtensions,
        @JsonProperty("extension_text") String extensionText,
        @JsonProperty("forced_answer_prefix") String forcedAnswerPrefix,
        Map<String, String> metadata) {

    /**
     * One turn. {@code content} is a string or an array of parts ({@code [{"type":"text","text":"…"}]}), so it is
     * read as a tree and interpreted by the mapper.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Message(String role, JsonNode content) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record StreamOptions(@JsonProperty("include_usage") Boolean includeUsage) {
    }
}
