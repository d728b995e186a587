package io.reasoner.worker.session;

import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.reasoner.engine.budget.BudgetControl;
import io.reasoner.engine.budget.BudgetForcer;
import io.reasoner.engine.budget.ControlEvent;
import io.reasoner.engine.budget.ForcingCheckpoint;
import io.reasoner.engine.budget.ForcingRequest;
import io.reasoner.engine.budget.ForcingResult;
import io.reasoner.engine.budget.TextDelta;
import io.reasoner.engine.budget.ThinkingBudget;
import io.reasoner.engine.budget.ThinkingFormat;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.ControlKind;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Forcing;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.ResumePoint;
import io.reasoner.protocol.Usage;

/**
 * Serves one request with s1 budget forcing: renders the prompt, decodes it in one pass on one KV cache, and
 * streams each piece of thinking and answer as it is decoded, with control markers where a "Wait" was injected,
 * the cap forced the answer, or the budget changed mid-flight.
 *
 * <p>Plain Java: knows no Kafka or Spring; the protocol records are its input and output. Thread-safe; each call
 * serves one request on the calling thread.
 */
public final class ReasoningSession {

    private final LanguageModel model;
    private final int maxSequenceTokens;
    private final ThinkingFormat format;
    private final BudgetForcer forcer;
    private final PromptRenderer prompts;
    private final SamplerFactory samplers;
    private final int flushEveryTokens;
    private final long flushEveryMs;
    private final LongSupplier clockMs;

    /**
     * @param maxSequenceTokens the most tokens one request's sequence may hold (its KV-cache slot), at most the
     *                          model's context; requests that could need more are refused before decoding
     */
    public ReasoningSession(LanguageModel model, int maxSequenceTokens, ThinkingFormat format,
            PromptRenderer prompts, SamplerFactory samplers, int flushEveryTokens, long flushEveryMs,
            LongSupplier clockMs) {
        this.model = model;
        this.maxSequenceTokens = Math.min(maxSequenceTokens, model.info().contextLength());
        this.format = format;
        this.forcer = new BudgetForcer(model, format);
        this.prompts = prompts;
        this.samplers = samplers;
        this.flushEveryTokens = flushEveryTokens;
        this.flushEveryMs = flushEveryMs;
        this.clockMs = clockMs;
    }

    /**
     * Decodes the request, handing each chunk to {@code chunks} as soon as it is assembled.
     *
     * @param cancelled checked once per step; true stops decoding with status cancelled
     * @param control   through which the budget may be changed while the request runs
     */
    public SessionOutcome run(ReasoningRequest request, Consumer<ReasoningChunk> chunks, BooleanSupplier cancelled,
            BudgetControl control) {
        return decode(request, List.of(), chunks, cancelled, control);
    }

    /**
     * Continues a request that another worker streamed {@code streamed} chunks of (seq 0 on, gap-free) before it
     * stopped: one prefill of the prompt and the tokens those chunks carry, then decoding from where they end, the
     * first new chunk numbered {@code streamed.size()}. With a sampler whose pick depends only on the logits and the
     * position (greedy, or seeded) the text is the text an uninterrupted run would have produced.
     *
     * @throws IllegalArgumentException if a streamed chunk carries no resume point (its producer could not be
     *                                  resumed) or they do not describe a run of this request
     */
    public SessionOutcome resume(ReasoningRequest request, List<ReasoningChunk> streamed,
            Consumer<ReasoningChunk> chunks, BooleanSupplier cancelled, BudgetControl control) {
        if (streamed.isEmpty()) {
            throw new IllegalArgumentException("streamed must hold at least one chunk to resume after");
        }
        return decode(request, streamed, chunks, cancelled, control);
    }

    private SessionOutcome decode(ReasoningRequest request, List<ReasoningChunk> streamed,
            Consumer<ReasoningChunk> chunks, BooleanSupplier cancelled, BudgetControl control) {
        int[] prompt = model.tokenizer().encode(prompts.render(request.conversation()));
        String tooLong = checkFits(prompt.length, request.budget());
        if (tooLong != null) {
            return SessionOutcome.failed(tooLong, prompt.length);
        }
        ThinkingBudget budget = thinkingBudget(request.budget());
        ForcingRequest forcing = ForcingRequest.of(prompt, budget).withControl(control);
        ResumeTrail trail;
        if (streamed.isEmpty()) {
            trail = new ResumeTrail(budget);
        } else {
            ForcingCheckpoint checkpoint = checkpoint(streamed);
            forcing = forcing.resumingFrom(checkpoint);
            trail = new ResumeTrail(checkpoint);
        }
        ChunkAssembler assembler = new ChunkAssembler(request.requestId(), streamed.size(), flushEveryTokens,
                flushEveryMs, clockMs, chunks, trail::point);
        StringBuilder thinking = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        for (ReasoningChunk chunk : streamed) {
            (chunk.phase() == Phase.THINKING ? thinking : answer).append(chunk.text());
        }
        if (!streamed.isEmpty()) {
            ReasoningChunk last = streamed.get(streamed.size() - 1);
            assembler.continueFrom(last.thinkingTokens(), last.answerTokens());
        }
        boolean[] deadlinePassed = {false};
        BooleanSupplier stop = () -> {
            if (request.deadlineMs() != null && clockMs.getAsLong() >= request.deadlineMs()) {
                deadlinePassed[0] = true;
            }
            return deadlinePassed[0] || cancelled.getAsBoolean();
        };
        ForcingResult result = forcer.generate(forcing.withCancellation(stop),
                samplers.create(request.sampling(), request.requestId()), event -> {
                    if (event instanceof TextDelta delta) {
                        Phase phase = phase(delta.phase());
                        (phase == Phase.THINKING ? thinking : answer).append(delta.text());
                        assembler.accept(phase, delta.text(), delta.thinkingTokens(), delta.answerTokens(),
                                () -> trail.record(event));
                    } else if (event instanceof ControlEvent marker) {
                        assembler.control(controlKind(marker.kind()), marker.kind()
                                == io.reasoner.engine.budget.ControlKind.CAP_FORCED ? Phase.ANSWER : Phase.THINKING,
                                () -> trail.record(event));
                    } else {
                        trail.record(event); // a commit point: tokens, no text
                    }
                });
        assembler.finish();
        return outcome(result, deadlinePassed[0], thinking.toString(), answer.toString(), assembler.chunkCount());
    }

    /** The state the streamed chunks leave: all their tokens, and the last one's counts. */
    private static ForcingCheckpoint checkpoint(List<ReasoningChunk> streamed) {
        int total = 0;
        for (ReasoningChunk chunk : streamed) {
            if (chunk.resume() == null) {
                throw new IllegalArgumentException("chunk " + chunk.seq() + " of " + chunk.requestId()
                        + " carries no resume point; the request cannot be continued");
            }
            total += chunk.resume().tokens().length;
        }
        int[] tokens = new int[total];
        int at = 0;
        for (ReasoningChunk chunk : streamed) {
            int[] part = chunk.resume().tokens();
            System.arraycopy(part, 0, tokens, at, part.length);
            at += part.length;
        }
        ResumePoint last = streamed.get(streamed.size() - 1).resume();
        return new ForcingCheckpoint(tokens, last.phase() == Phase.ANSWER ? io.reasoner.engine.budget.Phase.ANSWER
                : io.reasoner.engine.budget.Phase.THINKING, last.thinkingTokens(), last.answerTokens(),
                last.injectedTokens(), last.extensionsUsed(), last.capFired(), thinkingBudget(last.budget()),
                last.answerTextFrom(), last.eventsSinceCommit());
    }

    /**
     * The most thinking tokens {@code request} can be granted: what its sequence holds once the prompt, the answer
     * limit and the delimiters the forcer may inject are in.
     */
    public int thinkingRoom(ReasoningRequest request) {
        int prompt = model.tokenizer().encode(prompts.render(request.conversation())).length;
        return maxSequenceTokens - prompt - injectedTokens(request.budget()) - request.budget().maxAnswerTokens();
    }

    private int injectedTokens(Budget budget) {
        return format.opening().length() + format.end().length() + format.answerSeparator().length()
                + model.tokenizer().encode(budget.forcedAnswerPrefix(), false).length;
    }

    /** The sequence must hold the prompt, the whole budget and the tokens the forcer may inject around it. */
    private String checkFits(int promptTokens, Budget budget) {
        int injected = injectedTokens(budget);
        int needed = promptTokens + injected + budget.maxTotalTokens();
        if (needed <= maxSequenceTokens) {
            return null;
        }
        int context = model.info().contextLength();
        String limit = maxSequenceTokens == context ? "the model's context of " + context + " tokens"
                : "the worker's max-sequence-tokens of " + maxSequenceTokens + " (the model's context is " + context
                        + ")";
        return "prompt of " + promptTokens + " tokens plus maxThinkingTokens + maxAnswerTokens = "
                + budget.maxTotalTokens() + " (and " + injected + " delimiter tokens) exceeds " + limit;
    }

    private static SessionOutcome outcome(ForcingResult result, boolean deadlinePassed, String thinking,
            String answer, long chunkCount) {
        FinishReason finish = switch (result.finishReason()) {
            case STOP -> FinishReason.STOP;
            case LENGTH -> FinishReason.LENGTH;
            case CANCELLED -> deadlinePassed ? FinishReason.DEADLINE : FinishReason.CANCELLED;
            case CONTEXT_FULL -> FinishReason.ERROR;
        };
        ResultStatus status = switch (finish) {
            case CANCELLED -> ResultStatus.CANCELLED;
            case DEADLINE, ERROR -> ResultStatus.FAILED;
            default -> ResultStatus.DONE;
        };
        String error = switch (finish) {
            case DEADLINE -> "deadline passed";
            case ERROR -> "the sequence reached the model's context";
            default -> null;
        };
        return new SessionOutcome(status, finish, thinking, answer,
                new Usage(result.promptTokens(), result.thinkingTokens(), result.answerTokens()),
                new Forcing(result.injectedTokens(), result.extensionsUsed(), result.capFired()),
                protocolBudget(result.budget()), chunkCount, error);
    }

    static Budget protocolBudget(ThinkingBudget applied) {
        return new Budget(applied.maxThinkingTokens(), applied.minThinkingTokens(), applied.extensions(),
                applied.extensionText(), applied.forcedAnswerPrefix(), applied.maxAnswerTokens());
    }

    static ThinkingBudget thinkingBudget(Budget budget) {
        return new ThinkingBudget(budget.maxThinkingTokens(), budget.minThinkingTokens(), budget.extensions(),
                budget.extensionText(), budget.forcedAnswerPrefix(), budget.maxAnswerTokens());
    }

    private static Phase phase(io.reasoner.engine.budget.Phase phase) {
        return phase == io.reasoner.engine.budget.Phase.ANSWER ? Phase.ANSWER : Phase.THINKING;
    }

    private static ControlKind controlKind(io.reasoner.engine.budget.ControlKind kind) {
        return switch (kind) {
            case WAIT_INJECTED -> ControlKind.WAIT_INJECTED;
            case CAP_FORCED -> ControlKind.CAP_FORCED;
            case BUDGET_CHANGED -> ControlKind.BUDGET_CHANGED;
        };
    }
}
