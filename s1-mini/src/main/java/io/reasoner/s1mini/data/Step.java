package io.reasoner.s1mini.data;

import java.util.Objects;

/**
 * One line of a worked solution.
 *
 * @param text  the line as a careful solver writes it
 * @param slip  the same line with a plausible mistake in it (a sum off by one, a forgotten carry, the wrong
 *              neighbour), which a trace may write first and then catch with "Wait"; null where no slip fits
 * @param check what a trace writes after "Wait, " to re-derive this line: a smaller, column-by-column computation
 *              of the same result where the line does a sum, difference or division by one digit in one go
 *              ({@link ColumnCheck}), otherwise the line itself
 */
public record Step(String text, String slip, String check) {

    public Step {
        requireLine(text, "step text");
        requireLine(check, "step check");
        if (slip != null && slip.equals(text)) {
            throw new IllegalArgumentException("a slip must differ from the step, both were '" + text + "'");
        }
    }

    /** A step that is re-checked by deriving it again as it is. */
    public Step(String text, String slip) {
        this(text, slip, text);
    }

    public static Step exact(String text) {
        return new Step(text, null);
    }

    private static void requireLine(String line, String name) {
        Objects.requireNonNull(line, name);
        if (line.isBlank() || line.contains("\n")) {
            throw new IllegalArgumentException(name + " must be one non-blank line, was '" + line + "'");
        }
    }
}
