package io.reasoner.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** How a request ended. */
public enum ResultStatus {
    @JsonProperty("done") DONE,
    @JsonProperty("failed") FAILED,
    @JsonProperty("cancelled") CANCELLED
}
