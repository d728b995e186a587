package io.reasoner.gateway.openai;

import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Forcing;
import io.reasoner.protocol.ReasoningResult;

/**
 * An extension member, {@code "reasoner"}, on a completion and on a stream's finishing chunk: what OpenAI's
 * vocabulary cannot say. OpenAI clients ignore it (the Java SDK keeps it among additional properties).
 *
 * @param requestId    the native request id, for {@code GET /v1/reasoning/{id}}
 * @param status       {@code done}, {@code failed} or {@code cancelled}
 * @param finishReason the native finish reason, e.g. {@code cancelled} or {@code deadline} where
 *                     {@code finish_reason} had to say {@code stop} or {@code length}
 * @param forcing      what budget forcing did
 */
record ReasonerInfo(
        @JsonProperty("request_id") String requestId,
        String status,
        @JsonProperty("finish_reason") String finishReason,
        ForcingInfo forcing) {

    record ForcingInfo(
            @JsonProperty("injected_tokens") int injectedTokens,
            @JsonProperty("extensions_used") int extensionsUsed,
            @JsonProperty("cap_fired") boolean capFired) {

        static ForcingInfo of(Forcing forcing) {
            return new ForcingInfo(forcing.injectedTokens(), forcing.extensionsUsed(), forcing.capFired());
        }
    }

    static ReasonerInfo of(ReasoningResult result) {
        return new ReasonerInfo(result.requestId(), result.status().name().toLowerCase(Locale.ROOT),
                result.finishReason().name().toLowerCase(Locale.ROOT), ForcingInfo.of(result.forcing()));
    }

    /**
     * OpenAI's {@code finish_reason} for a native one. OpenAI knows only {@code stop}, {@code length} and tool or
     * filter reasons, and strict clients reject others: a deadline cut the answer short, as a length cap does, so
     * it is {@code length}; a cancelled request ended normally from the client's point of view, so {@code stop}
     * (the native reason stays in {@link #finishReason}). {@code error} never reaches a choice: a failed request
     * is answered with an error instead.
     */
    static String openAiFinishReason(FinishReason reason) {
        return switch (reason) {
            case LENGTH, DEADLINE -> "length";
            case STOP, CANCELLED, ERROR -> "stop";
        };
    }
}
