package io.reasoner.s1mini.data;

import java.util.Objects;

/**
 * A problem and a teacher's reasoning trace for it, as training text.
 *
 * @param completion what the assistant writes: {@code <think>\n}, the thinking, {@code </think>\n\n}, then
 *                   {@code Final Answer: ...} and the end of the turn (see {@link TraceFormat})
 * @param kind       how the generator made it; for statistics only: selection judges a trace by verifying it,
 *                   never by this label
 * @param slipFrom   where the line the teacher wrote wrong on purpose starts in {@code completion}; equal to
 *                   {@code slipTo} when it wrote none. Training may leave the slip unlearned (it stays in the
 *                   context, so the "Wait" and the correction after it are still learned from it).
 * @param slipTo     where that line ends, its newline excluded
 */
public record Trace(Problem problem, String completion, Kind kind, int slipFrom, int slipTo) {

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
        if (slipFrom < 0 || slipFrom > slipTo || slipTo > completion.length()) {
            throw new IllegalArgumentException("slip [" + slipFrom + ", " + slipTo + ") is not within a completion of "
                    + completion.length() + " characters");
        }
    }

    /** A trace with no slip in it. */
    public Trace(Problem problem, String completion, Kind kind) {
        this(problem, completion, kind, 0, 0);
    }

    public boolean hasSlip() {
        return slipTo > slipFrom;
    }
}
