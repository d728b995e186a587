package io.reasoner.gateway.openai;

import java.util.List;
import java.util.Optional;

import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningResult;

/**
 * Builds the OpenAI-shaped answers of one completion. All of them share the completion's id, creation time and
 * model name, fixed when the request is accepted.
 *
 * <p>The id is {@code chatcmpl-} followed by the native request id, so a client can follow a completion through
 * the native API ({@code GET /v1/reasoning/{id}}) or cancel it there.
 */
final class CompletionShaper {

    static final String ID_PREFIX = "chatcmpl-";

    private final String id;
    private final long createdSeconds;
    private final String model;

    CompletionShaper(String requestId, long createdSeconds, String model) {
        if (requestId == null || requestId.isBlank()) {
            throw new IllegalArgumentException("requestId must not be blank");
        }
        if (createdSeconds < 0) {
            throw new IllegalArgumentException("createdSeconds must be >= 0, was " + createdSeconds);
        }
        if (model == null || model.isBlank()) {
            throw new IllegalArgumentException("model must not be blank");
        }
        this.id = ID_PREFIX + requestId;
        this.createdSeconds = createdSeconds;
        this.model = model;
    }

    String id() {
        return id;
    }

    /** The whole completion; the model is the one that served it where the result names one. */
    ChatCompletion completion(ReasoningResult result) {
        ChatCompletion.Message message = new ChatCompletion.Message(result.answer(),
                result.thinking().isEmpty() ? null : result.thinking());
        return new ChatCompletion(id, createdSeconds, result.model() != null ? result.model() : model,
                List.of(new ChatCompletion.Choice(0, message, ReasonerInfo.openAiFinishReason(result.finishReason()))),
                CompletionUsage.of(result.usage()), ReasonerInfo.of(result));
    }

    /** The first event of a stream: the assistant role with empty content, as OpenAI starts. */
    ChatCompletionChunk role() {
        return chunk(new ChatCompletionChunk.Delta("assistant", "", null), null);
    }

    /**
     * The event for a chunk of output: thinking as {@code reasoning_content}, answer as {@code content}. Control
     * markers carry no text and have no place in OpenAI's stream; what they mark is summed up in the finishing
     * chunk's {@code reasoner.forcing}.
     */
    Optional<ChatCompletionChunk> delta(ReasoningChunk chunk) {
        if (chunk.control() != null || chunk.text().isEmpty()) {
            return Optional.empty();
        }
        ChatCompletionChunk.Delta delta = chunk.phase() == Phase.THINKING
                ? new ChatCompletionChunk.Delta(null, null, chunk.text())
                : new ChatCompletionChunk.Delta(null, chunk.text(), null);
        return Optional.of(chunk(delta, null));
    }

    /** The last choice-bearing event: an empty delta with the finish reason and the {@code reasoner} extension. */
    ChatCompletionChunk finish(ReasoningResult result) {
        return new ChatCompletionChunk(id, createdSeconds, model, List.of(new ChatCompletionChunk.Choice(0,
                ChatCompletionChunk.Delta.EMPTY, ReasonerInfo.openAiFinishReason(result.finishReason()))),
                null, ReasonerInfo.of(result));
    }

    /** With {@code stream_options.include_usage}: no choices, only the usage, as OpenAI sends it. */
    ChatCompletionChunk usage(ReasoningResult result) {
        return new ChatCompletionChunk(id, createdSeconds, model, List.of(), CompletionUsage.of(result.usage()),
                null);
    }

    private ChatCompletionChunk chunk(ChatCompletionChunk.Delta delta, String finishReason) {
        return new ChatCompletionChunk(id, createdSeconds, model,
                List.of(new ChatCompletionChunk.Choice(0, delta, finishReason)), null, null);
    }
}
