package io.reasoner.engine.budget;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.sampling.Sampler;
import java.util.Arrays;

/**
 * BENCHMARK ONLY, never for serving: budget forcing the way s1's reference code does it, with one generate call
 * per "Wait", each re-submitting the prompt and everything generated so far. {@link ForcingBenchmark} runs it
 * beside {@link BudgetForcer} to measure what one pass over one KV cache saves.
 *
 * <p>Each thinking round and the final answer open a new sequence and prefill the whole context again, as a fresh
 * vLLM request would. Two deliberate differences from s1's script keep the comparison about re-prefilling alone:
 * the context is carried as token ids rather than re-tokenized text, and the budget rules are the forcer's own
 * ({@link ThinkingRules}, {@link EndingMask}), so greedy runs of both loops should think the same tokens.
 *
 * <p>Only formats whose end delimiter is matched by token id; no streaming, mid-flight changes, cancellation or
 * request processors.
 */
final class S1ReferenceLoop {

    /** How a thinking round ended, besides a token id that was let end it. */
    private static final int CAP = -1;
    private static final int EXTENDED = -2;

    private final LanguageModel model;
    private final ThinkingFormat format;

    S1ReferenceLoop(LanguageModel model, ThinkingFormat format) {
        if (format.detectsEndByText()) {
            throw new IllegalArgumentException("the reference loop needs a format whose end is matched by id, not "
                    + format);
        }
        this.model = model;
        this.format = format;
    }

    ForcingResult generate(int[] prompt, ThinkingBudget budget, Sampler sampler) {
        return new Run(prompt, budget, sampler).generate();
    }

    private final class Run {
        private final ThinkingBudget budget;
        private final Sampler sampler;
        private final Injections injections;
        private final EndingMask mask;
        private final int capacity;
        private int[] context;
        private int thinking;
        private int extensions;
        private int injected;
        private int answer;

        Run(int[] prompt, ThinkingBudget budget, Sampler sampler) {
            this.budget = budget;
            this.sampler = sampler;
            this.injections = Injections.encode(model.tokenizer(), format, budget);
            this.mask = new EndingMask(format, injections.extension().length);
            this.context = concat(prompt, format.opening().tokens());
            this.capacity = Math.min(model.info().contextLength(), context.length + budget.maxThinkingTokens()
                    + injections.close().length + injections.forcedPrefix().length + budget.maxAnswerTokens());
        }

        ForcingResult generate() {
            int promptTokens = context.length;
            int ending;
            do {
                ending = thinkingRound();
            } while (ending == EXTENDED);
            boolean capFired = ending == CAP;
            if (capFired) {
                append(injections.close());
                append(injections.forcedPrefix());
                injected += injections.close().length + injections.forcedPrefix().length;
            } else if (ending == format.end().singleToken()) {
                append(new int[] {ending});
            } else {
                append(injections.close());
                injected += injections.close().length;
            }
            FinishReason finish = answerRound();
            return new ForcingResult(finish, promptTokens, thinking, answer, injected, extensions, capFired,
                    budget);
        }

        /** One s1 generate call: returns the ending token let through, CAP, or EXTENDED for another round. */
        private int thinkingRound() {
            try (Sequence sequence = model.newSequence(capacity)) {
                float[] logits = sequence.prefill(context);
                while (!ThinkingRules.capReached(budget, thinking)) {
                    int token = sample(logits, Phase.THINKING);
                    if (format.endsThinking(token)) {
                        if (ThinkingRules.mayEnd(budget, thinking, extensions, injections.extension().length)) {
                            return token;
                        }
                        append(injections.extension()); // s1: prompt += o.text + ignore_str, then generate again
                        thinking += injections.extension().length;
                        injected += injections.extension().length;
                        extensions++;
                        return EXTENDED;
                    }
                    append(new int[] {token});
                    thinking++;
                    if (!ThinkingRules.capReached(budget, thinking)) {
                        logits = sequence.step(token);
                    }
                }
                return CAP;
            }
        }

        /** s1's final generate call for the answer, again from the whole context. */
        private FinishReason answerRound() {
            try (Sequence sequence = model.newSequence(capacity)) {
                float[] logits = sequence.prefill(context);
                while (true) {
                    int token = sample(logits, Phase.ANSWER);
                    if (format.isEndOfTurn(token)) {
                        return FinishReason.STOP;
                    }
                    answer++;
                    if (answer == budget.maxAnswerTokens()) {
                        return FinishReason.LENGTH;
                    }
                    if (sequence.length() == sequence.capacity()) {
                        return FinishReason.CONTEXT_FULL;
                    }
                    logits = sequence.step(token);
                }
            }
        }

        private int sample(float[] logits, Phase phase) {
            float[] scores = logits.clone();
            mask.process(scores, new DecodingState(phase, context.length, thinking, answer, extensions, budget));
            return sampler.sample(scores);
        }

        private void append(int[] tokens) {
            context = concat(context, tokens);
        }
    }

    private static int[] concat(int[] first, int[] second) {
        int[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }
}
