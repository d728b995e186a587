package io.reasoner.engine.budget;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.model.SequenceCapacityException;
import io.reasoner.engine.sampling.Sampler;
import java.util.Objects;

/**
 * Generates a reasoning model's thinking and answer under a {@link ThinkingBudget}, s1-style, in one pass: the
 * prompt is prefilled once and every intervention (an extension such as "Wait", the end delimiter, the forced
 * answer prefix) is appended to the same sequence and KV cache, so no text is ever re-submitted.
 *
 * <p>What it does with each attempt to end thinking (the end delimiter, or an end-of-turn token such as EOS):
 * <ul>
 *   <li>below the minimum, or with requested extensions left and room for one under the cap: the token is dropped
 *       (never fed) and the extension appended; an end delimiter written over several tokens is rolled back with
 *       {@link Sequence#truncate};</li>
 *   <li>below the minimum without room for an extension: the ending tokens are masked, so the model keeps writing
 *       until the minimum;</li>
 *   <li>otherwise thinking ends: a delimiter the model wrote is kept, an end-of-turn token is replaced by the end
 *       delimiter, and the answer follows with no forced prefix.</li>
 * </ul>
 * When thinking reaches the cap, the end delimiter and the forced answer prefix are appended. The answer ends at an
 * end-of-turn token or at {@link ThinkingBudget#maxAnswerTokens()}.
 *
 * <p>A run can be resumed elsewhere from what it streamed: see {@link ForcingRequest#resumingFrom} and the
 * package documentation.
 *
 * <p>Thread-safe: {@link #generate} may run concurrently for different requests, each with its own sampler.
 */
public final class BudgetForcer {

    private final LanguageModel model;
    private final ThinkingFormat format;

    /** @param format resolved against {@code model}'s tokenizer */
    public BudgetForcer(LanguageModel model, ThinkingFormat format) {
        this.model = Objects.requireNonNull(model, "model");
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * Runs one request to the end, reporting to {@code listener} as it goes.
     *
     * @throws SequenceCapacityException     if the prompt and the thinking opening alone (and, resuming, the
     *                                       checkpoint's tokens) exceed the context length
     * @throws IllegalStateException         if a resumed run takes another path than the run that made its
     *                                       checkpoint before it has replayed the events the checkpoint counted
     *                                       (a sampler or processor that is not a function of the position)
     * @throws UnsupportedOperationException if the end delimiter spans several tokens, the model wrote it while it
     *                                       may not stop thinking, and the model's sequences cannot truncate
     */
    public ForcingResult generate(ForcingRequest request, Sampler sampler, ForcingListener listener) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(sampler, "sampler");
        Objects.requireNonNull(listener, "listener");
        try (Sequence sequence = model.newSequence(capacity(request))) {
            return new ForcingRun(format, model.tokenizer(), request, sampler, listener, sequence).run();
        }
    }

    /**
     * Room for the longest run the budget allows: prompt and opening, the cap's worth of thinking, the forced
     * close and prefix, and every answer token but the last, which is never fed. A control may raise the cap
     * mid-flight, so with one the sequence gets the whole context.
     */
    private int capacity(ForcingRequest request) {
        int context = model.info().contextLength();
        int prompt = request.promptLength() + format.opening().length();
        int resumed = prompt + request.resumedLength();
        if (resumed > context) {
            throw new SequenceCapacityException(0, context, resumed);
        }
        if (request.control().isPresent()) {
            return context;
        }
        ThinkingBudget budget = request.budget();
        long forced = format.end().length() + format.answerSeparator().length()
                + MidStreamEncoding.encode(model.tokenizer(), budget.forcedAnswerPrefix()).length;
        long wanted = (long) prompt + budget.maxThinkingTokens() + forced + budget.maxAnswerTokens() - 1;
        return (int) Math.min(Math.max(wanted, resumed), context);
    }
}
