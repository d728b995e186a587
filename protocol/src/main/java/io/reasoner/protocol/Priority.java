package io.reasoner.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Service tier of a request: interactive requests are served before batch requests when both wait. */
public enum Priority {
    @JsonProperty("interactive") INTERACTIVE,
    @JsonProperty("batch") BATCH
}
