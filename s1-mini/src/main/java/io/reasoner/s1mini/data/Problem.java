package io.reasoner.s1mini.data;

import java.util.List;
import java.util.Objects;

/**
 * A generated problem with its worked solution.
 *
 * @param domain     the {@link Domain#name()} that made it, which also verifies answers to it
 * @param difficulty the domain's knob, the number of steps a solution needs grows with it
 * @param question   the user's message
 * @param steps      the solution's lines, in order
 * @param answer     the exact answer, as the verifier accepts it
 */
public record Problem(String domain, int difficulty, String question, List<Step> steps, String answer) {

    public Problem {
        Objects.requireNonNull(domain, "domain");
        Objects.requireNonNull(question, "question");
        Objects.requireNonNull(answer, "answer");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("a problem needs at least one step");
        }
        if (difficulty < 1) {
            throw new IllegalArgumentException("difficulty must be >= 1, was " + difficulty);
        }
    }
}
