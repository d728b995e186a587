package io.reasoner.s1mini.train;

import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.s1mini.data.Trace;
import io.reasoner.s1mini.data.TraceFormat;
import java.util.Arrays;

/**
 * One training sequence: the model learns to predict {@code tokens[t]} from {@code tokens[0..t)} for every
 * {@code t >= lossFrom} outside {@code [skipFrom, skipTo)}.
 *
 * @param lossFrom 1 to learn every token (pretraining on the pool), the prompt length to learn only the
 *                 assistant's thinking and answer (fine-tuning, as s1 does)
 * @param skipFrom the first token of a stretch that is context only, never a target: a slip the teacher wrote
 *                 on purpose, so the model learns to catch it without learning to write it
 * @param skipTo   the end of that stretch; equal to {@code skipFrom} when every token from {@code lossFrom} is
 *                 learned
 */
public record TrainingExample(int[] tokens, int lossFrom, int skipFrom, int skipTo) {

    public TrainingExample {
        tokens = tokens.clone();
        if (tokens.length < 2) {
            throw new IllegalArgumentException("an example needs at least 2 tokens, had " + tokens.length);
        }
        if (lossFrom < 1 || lossFrom >= tokens.length) {
            throw new IllegalArgumentException("lossFrom must be in [1, " + (tokens.length - 1) + "], was " + lossFrom);
        }
        if (skipFrom < 0 || skipFrom > skipTo || skipTo > tokens.length) {
            throw new IllegalArgumentException("skipped tokens [" + skipFrom + ", " + skipTo + ") are not within "
                    + tokens.length + " tokens");
        }
    }

    /** Every token from {@code lossFrom} learned. */
    public TrainingExample(int[] tokens, int lossFrom) {
        this(tokens, lossFrom, 0, 0);
    }

    /**
     * Prompt (rendered by the chat template) then completion, learning the completion only, or everything; with
     * {@code learnSlips} false, the trace's slip is context only.
     */
    public static TrainingExample of(Trace trace, Tokenizer tokenizer, boolean completionOnly, boolean learnSlips) {
        int[] prompt = tokenizer.encode(TraceFormat.prompt(trace.problem().question()), false);
        int[] completion = tokenizer.encode(trace.completion(), false);
        int[] tokens = new int[prompt.length + completion.length];
        System.arraycopy(prompt, 0, tokens, 0, prompt.length);
        System.arraycopy(completion, 0, tokens, prompt.length, completion.length);
        int lossFrom = completionOnly ? prompt.length : 1;
        if (learnSlips || !trace.hasSlip()) {
            return new TrainingExample(tokens, lossFrom);
        }
        int from = prompt.length + tokensBefore(trace, trace.slipFrom(), completion, tokenizer);
        int to = prompt.length + tokensBefore(trace, trace.slipTo(), completion, tokenizer);
        return new TrainingExample(tokens, lossFrom, from, to);
    }

    /**
     * How many of the completion's tokens come before character {@code at}. The slip is a whole line, and the
     * tokenizer's pre-tokenizer never merges across a line break, so its text up to {@code at} encodes to a
     * prefix of the whole; anything else is a tokenizer this recipe does not know, and is refused.
     */
    private static int tokensBefore(Trace trace, int at, int[] completion, Tokenizer tokenizer) {
        int[] prefix = tokenizer.encode(trace.completion().substring(0, at), false);
        if (prefix.length > completion.length
                || !Arrays.equals(prefix, Arrays.copyOf(completion, prefix.length))) {
            throw new IllegalArgumentException("the slip's edge at character " + at + " of '" + trace.completion()
                    + "' is not a token boundary");
        }
        return prefix.length;
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

    /** Whether the model learns to predict {@code tokens[position]}. */
    boolean learned(int position) {
        return position >= lossFrom && position < tokens.length && (position < skipFrom || position >= skipTo);
    }
}
