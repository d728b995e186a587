package io.reasoner.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Which part of the output a chunk belongs to. Thinking always precedes the answer. */
public enum Phase {
    @JsonProperty("thinking") THINKING,
    @JsonProperty("answer") ANSWER;

    /** The lower-case wire name, also used as the SSE event name. */
    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
