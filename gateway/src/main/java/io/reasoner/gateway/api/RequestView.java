package io.reasoner.gateway.api;

import java.util.List;

import io.reasoner.gateway.stream.TrackedRequest;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.Usage;

/**
 * The body of {@code GET /v1/reasoning/{id}}: the result once the request has ended, or the texts so far.
 * Field names match the result event.
 */
record RequestView(
        String requestId,
        String status,
        String thinking,
        String answer,
        FinishReason finishReason,
        Usage usage,
        Budget budget,
        String error) {

    static RequestView of(TrackedRequest request) {
        ReasoningResult result = request.result();
        String status = request.status().wireName();
        if (result != null) {
            return new RequestView(result.requestId(), status, result.thinking(), result.answer(),
                    result.finishReason(), result.usage(), result.budget(), result.error());
        }
        List<ReasoningChunk> chunks = request.chunksFrom(0);
        StringBuilder thinking = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        for (ReasoningChunk chunk : chunks) {
            (chunk.phase() == Phase.THINKING ? thinking : answer).append(chunk.text());
        }
        Usage usage = chunks.isEmpty() ? new Usage(0, 0, 0)
                : new Usage(0, chunks.get(chunks.size() - 1).thinkingTokens(),
                        chunks.get(chunks.size() - 1).answerTokens());
        return new RequestView(request.requestId(), status, thinking.toString(), answer.toString(), null, usage,
                null, null);
    }
}
