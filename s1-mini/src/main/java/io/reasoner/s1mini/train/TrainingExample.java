package io.reasoner.s1mini.train;

import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.s1mini.data.Trace;
import io.reasoner.s1mini.data.TraceFormat;

/**
 * One training sequence: the model learns to predict {@code tokens[t]} from {@code tokens[0..t)} for every
 * {@code t >= lossFrom}.
 *
 * @param lossFrom 1 to learn every token (pretraining on the pool), the prompt length to learn only the
 *                 assistant's thinking and answer (fine-tuning, as s1 does)
 */
public record TrainingExample(int[] tokens, int lossFrom) {

    public TrainingExample {
        tokens = tokens.clone();
        if (tokens.length < 2) {
            throw new IllegalArgumentException("an example needs at least 2 tokens, had " + tokens.length);
        }
        if (lossFrom < 1 || lossFrom >= tokens.length) {
            throw new IllegalArgumentException("lossFrom must be in [1, " + (tokens.length - 1) + "], was " + lossFrom);
        }
    }

    /** Prompt (rendered by the chat template) then completion, learning the completion only, or everything. */
    public static TrainingExample of(Trace trace, Tokenizer tokenizer, boolean completionOnly) {
        int[] prompt = tokenizer.encode(TraceFormat.prompt(trace.problem().question()), false);
        int[] completion = tokenizer.encode(trace.completion(), false);
        int[] tokens = new int[prompt.length + completion.length];
        System.arraycopy(prompt, 0, tokens, 0, prompt.length);
        System.arraycopy(completion, 0, tokens, prompt.length, completion.length);
        return new TrainingExample(tokens, completionOnly ? prompt.length : 1);
    }

    @Override
    public int[] tokens() {
        return tokens.clone();
    }

    public int length() {
        return tokens.length;
    }

    int token(int position) {
        return tokens[position];
    }
}
