package io.reasoner.gateway.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** The answer to a non-streaming {@code POST /v1/chat/completions}, in OpenAI's shape. */
@JsonPropertyOrder({"id", "object", "created", "model", "choices", "usage", "reasoner"})
record ChatCompletion(
        String id,
        long created,
        String model,
        List<Choice> choices,
        CompletionUsage usage,
        ReasonerInfo reasoner) {

    @JsonProperty("object")
    String object() {
        return "chat.completion";
    }

    @JsonPropertyOrder({"index", "message", "finish_reason", "logprobs"})
    record Choice(int index, Message message, @JsonProperty("finish_reason") String finishReason) {

        /** Always null: log probabilities are not computed, but OpenAI's schema requires the key. */
        @JsonProperty("logprobs")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        Object logprobs() {
            return null;
        }
    }

    /**
     * The assistant's turn: the answer in {@code content}, the thinking in {@code reasoning_content} (the
     * vLLM/DeepSeek convention; null when there was none). {@code refusal} is always null but required by OpenAI's
     * schema.
     */
    @JsonInclude(JsonInclude.Include.ALWAYS)
    record Message(String content, @JsonProperty("reasoning_content") String reasoningContent) {

        @JsonProperty("role")
        String role() {
            return "assistant";
        }

        @JsonProperty("refusal")
        Object refusal() {
            return null;
        }
    }
}
