package io.reasoner.engine.batch;

/**
 * Adjusts one sequence's logits in place before they are handed out for sampling: mask a token with
 * {@link Float#NEGATIVE_INFINITY}, force one by masking all others, bias, penalise.
 *
 * <p>Deliberately the bare {@code float[] -> void} shape: the budget package's
 * {@code io.reasoner.engine.budget.LogitsProcessor} also wants the decoding state, which the batch does not know,
 * so budget forcing adapts by closing over its own state: {@code logits -> processor.process(logits, state)}.
 *
 * <p>Called on the decoding thread, once for every logits vector the sequence receives; it may keep state.
 */
@FunctionalInterface
public interface LogitsHook {

    /** Leaves the logits as they are. */
    LogitsHook NONE = logits -> { };

    /** @param logits the sequence's own copy, one score per vocabulary entry, to modify in place */
    void apply(float[] logits);
}
