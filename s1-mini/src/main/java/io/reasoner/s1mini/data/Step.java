package io.reasoner.s1mini.data;

import java.util.Objects;

/**
 * One line of a worked solution.
 *
 * @param text  the line as a careful solver writes it
 * @param slip  the same line with a plausible mistake in it (a sum off by one, a forgotten carry, the wrong
 *              neighbour), which a trace may write first and then catch with "Wait"; null where no slip fits
 */
public record Step(String text, String slip) {

    public Step {
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || text.contains("\n")) {
            throw new IllegalArgumentException("step text must be one non-blank line, was '" + text + "'");
        }
        if (slip != null && slip.equals(text)) {
            throw new IllegalArgumentException("a slip must differ from the step, both were '" + text + "'");
        }
    }

    public static Step exact(String text) {
        return new Step(text, null);
    }
}
