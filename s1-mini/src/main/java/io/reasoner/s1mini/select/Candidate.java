package io.reasoner.s1mini.select;

import io.reasoner.s1mini.data.Trace;
import java.util.Objects;

/**
 * A pool trace with what selection measures about it.
 *
 * @param thinkingTokens tokens of the thinking, by the model's tokenizer (the unit budget forcing counts in)
 */
public record Candidate(Trace trace, int thinkingTokens) {

    public Candidate {
        Objects.requireNonNull(trace, "trace");
        if (thinkingTokens < 0) {
            throw new IllegalArgumentException("thinkingTokens must be >= 0, was " + thinkingTokens);
        }
    }

    public String domain() {
        return trace.problem().domain();
    }

    public int difficulty() {
        return trace.problem().difficulty();
    }
}
