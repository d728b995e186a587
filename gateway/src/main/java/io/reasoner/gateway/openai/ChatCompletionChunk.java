package io.reasoner.gateway.openai;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * One event of a streaming {@code POST /v1/chat/completions}, in OpenAI's shape. {@code usage} and
 * {@code reasoner} appear only on the chunks that carry them.
 */
@JsonPropertyOrder({"id", "object", "created", "model", "choices", "usage", "reasoner"})
record ChatCompletionChunk(
        String id,
        long created,
        String model,
        List<Choice> choices,
        @JsonInclude(JsonInclude.Include.NON_NULL) CompletionUsage usage,
        @JsonInclude(JsonInclude.Include.NON_NULL) ReasonerInfo reasoner) {

    @JsonProperty("object")
    String object() {
        return "chat.completion.chunk";
    }

    /** {@code finish_reason} is null on every chunk but the finishing one, and present on all. */
    @JsonPropertyOrder({"index", "delta", "finish_reason", "logprobs"})
    record Choice(int index, Delta delta,
            @JsonProperty("finish_reason") @JsonInclude(JsonInclude.Include.ALWAYS) String finishReason) {

        @JsonProperty("logprobs")
        @JsonInclude(JsonInclude.Include.ALWAYS)
        Object logprobs() {
            return null;
        }
    }

    /** What this chunk adds: the role (first chunk only), answer text, or thinking text. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Delta(String role, String content, @JsonProperty("reasoning_content") String reasoningContent) {

        static final Delta EMPTY = new Delta(null, null, null);
    }
}
