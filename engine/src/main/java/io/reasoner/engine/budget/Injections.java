package io.reasoner.engine.budget;

import io.reasoner.engine.tokenizer.Tokenizer;

/**
 * The tokens a request may inject, encoded once at its start (a mid-flight change alters counts, never texts).
 *
 * @param extension    the extension text, appended on each suppressed attempt to end thinking
 * @param close        the end delimiter then the answer separator, fed when the forcer closes thinking
 * @param forcedPrefix the forced answer prefix, fed after {@code close} when the cap fires; may be empty
 */
record Injections(int[] extension, int[] close, int[] forcedPrefix) {

    Injections {
        if (extension.length == 0) {
            throw new IllegalArgumentException("the extension text must encode to at least one token");
        }
    }

    static Injections encode(Tokenizer tokenizer, ThinkingFormat format, ThinkingBudget budget) {
        int[] end = format.end().tokens();
        int[] separator = format.answerSeparator().tokens();
        int[] close = new int[end.length + separator.length];
        System.arraycopy(end, 0, close, 0, end.length);
        System.arraycopy(separator, 0, close, end.length, separator.length);
        return new Injections(MidStreamEncoding.encode(tokenizer, budget.extensionText()), close,
                MidStreamEncoding.encode(tokenizer, budget.forcedAnswerPrefix()));
    }
}
