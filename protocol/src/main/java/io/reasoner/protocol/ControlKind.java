package io.reasoner.protocol;

import com.fasterxml.jackson.annotation.JsonProperty;

/** A budget-forcing moment worth showing to a reader, carried by a control chunk. */
public enum ControlKind {
    /** The model tried to end thinking; it was suppressed and the extension text (e.g. "Wait") appended. */
    @JsonProperty("wait_injected") WAIT_INJECTED,
    /** Thinking reached its cap; the end-of-thinking delimiter and the forced-answer prefix were appended. */
    @JsonProperty("cap_forced") CAP_FORCED,
    /** The budget of the running request was changed (e.g. by the budget policy). */
    @JsonProperty("budget_changed") BUDGET_CHANGED
}
