package io.reasoner.s1mini.data;

import java.util.Objects;

/**
 * A problem and a teacher's reasoning trace for it, as training text.
 *
 * @param completion what the assistant writes: {@code <think>\n}, the thinking, {@code </think>\n\n}, then
 *                   {@code Final Answer: ...} and the end of the turn (see {@link TraceFormat})
 * @param kind       how the generator made it; for statistics only: selection judges a trace by verifying it,
 *                   never by this label
 */
public record Trace(Problem problem, String completion, Kind kind) {

    /** How a trace was generated. */
    public enum Kind {
        /** Every step right first time. */
        CLEAN,
        /** One step written wrong, then "Wait", re-checked and corrected; the answer is right. */
        CORRECTED_SLIP,
        /** Teacher noise: well-formed, but the final answer is wrong. */
        WRONG_ANSWER,
        /** Teacher noise: cut off before the end of thinking, no answer. */
        TRUNCATED
    }

    public Trace {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(completion, "completion");
        Objects.requireNonNull(kind, "kind");
    }
}
