package io.reasoner.worker.tracing;

import java.util.Locale;

import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.StatusCode;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ResultStatus;

/**
 * Puts what a request's result says on the span serving it (the current one, {@link TracingRequestHandler}'s):
 * status, finish reason and token counts, never its text or error message. A failed request marks the span failed.
 */
public final class ResultSpans {

    static final AttributeKey<String> STATUS = AttributeKey.stringKey("reasoner.status");
    static final AttributeKey<String> FINISH_REASON = AttributeKey.stringKey("reasoner.finish_reason");
    static final AttributeKey<Long> THINKING_TOKENS = AttributeKey.longKey("reasoner.usage.thinking_tokens");
    static final AttributeKey<Long> ANSWER_TOKENS = AttributeKey.longKey("reasoner.usage.answer_tokens");

    private ResultSpans() {
    }

    public static void record(ReasoningResult result) {
        Span span = Span.current();
        if (!span.isRecording()) {
            return;
        }
        span.setAttribute(STATUS, result.status().name().toLowerCase(Locale.ROOT));
        span.setAttribute(FINISH_REASON, result.finishReason().name().toLowerCase(Locale.ROOT));
        span.setAttribute(THINKING_TOKENS, result.usage().thinkingTokens());
        span.setAttribute(ANSWER_TOKENS, result.usage().answerTokens());
        if (result.status() == ResultStatus.FAILED) {
            span.setStatus(StatusCode.ERROR, "request failed");
        }
    }
}
