package io.reasoner.engine.budget;

/**
 * Adjusts one sequence's logits before each token is sampled: masks, biases, penalties. The forcer runs the
 * request's processors in order, then its own (which masks tokens that would end thinking when it may neither end
 * nor be extended), so a request's processor cannot undo the budget.
 *
 * <p>Called on the decoding thread, once per sampled token; a processor may keep per-sequence state.
 */
@FunctionalInterface
public interface LogitsProcessor {

    /**
     * @param logits a private copy of the model's scores, one per vocabulary entry, to modify in place; set an
     *               entry to {@link Float#NEGATIVE_INFINITY} to forbid that token
     * @param state  where the generation stands
     */
    void process(float[] logits, DecodingState state);
}
