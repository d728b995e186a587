package io.reasoner.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Why decoding stopped. */
public enum FinishReason {
    /** The model ended its answer (end-of-sequence or end-of-turn token). */
    @JsonProperty("stop") STOP,
    /** The answer reached {@link Budget#maxAnswerTokens()}. */
    @JsonProperty("length") LENGTH,
    @JsonProperty("cancelled") CANCELLED,
    @JsonProperty("deadline") DEADLINE,
    /** The request could not be served; {@link ReasoningResult#error()} says why. */
    @JsonProperty("error") ERROR
}
