package io.reasoner.worker.session;

import java.util.function.BooleanSupplier;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.tokenizer.StreamingDetokenizer;
import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ResultStatus;
import io.reasoner.protocol.Usage;

/**
 * Serves one request on a model: prefill, then one token per step, each token streamed as it is decoded.
 *
 * <p>Thinking/answer split (until s1 budget forcing replaces it): a model without a thinking template has no
 * delimiter to end thinking, so the first {@code maxThinkingTokens} generated tokens are the thinking phase and
 * the following ones, up to {@code maxAnswerTokens}, the answer. End-of-sequence ends the whole generation.
 *
 * <p>Plain Java: knows no Kafka or Spring. Not thread-safe; one session serves one request on one thread.
 */
public final class ReasoningSession {

    private final LanguageModel model;
    private final SamplerFactory samplers;
    private final int flushEveryTokens;
    private final long flushEveryMs;
    private final LongSupplier clockMs;

    public ReasoningSession(LanguageModel model, SamplerFactory samplers, int flushEveryTokens, long flushEveryMs,
            LongSupplier clockMs) {
        this.model = model;
        this.samplers = samplers;
        this.flushEveryTokens = flushEveryTokens;
        this.flushEveryMs = flushEveryMs;
        this.clockMs = clockMs;
    }

    /**
     * Decodes the request, handing each chunk to {@code chunks} as soon as it is assembled.
     *
     * @param cancelled checked once per step; true stops decoding with status cancelled
     */
    public SessionOutcome run(ReasoningRequest request, Consumer<ReasoningChunk> chunks, BooleanSupplier cancelled) {
        Tokenizer tokenizer = model.tokenizer();
        int[] prompt = tokenizer.encode(request.prompt());
        Budget budget = request.budget();
        int context = model.info().contextLength();
        int needed = prompt.length + budget.maxTotalTokens();
        if (needed > context) {
            return SessionOutcome.failed("prompt of " + prompt.length + " tokens plus maxThinkingTokens + "
                    + "maxAnswerTokens = " + budget.maxTotalTokens() + " exceeds the model's context of " + context
                    + " tokens", prompt.length);
        }
        ChunkAssembler assembler = new ChunkAssembler(request.requestId(), flushEveryTokens, flushEveryMs, clockMs,
                chunks);
        try (Sequence sequence = model.newSequence(needed)) {
            return decode(request, prompt, sequence, assembler, cancelled);
        }
    }

    private SessionOutcome decode(ReasoningRequest request, int[] prompt, Sequence sequence,
            ChunkAssembler assembler, BooleanSupplier cancelled) {
        Budget budget = request.budget();
        Sampler sampler = samplers.create(request.sampling(), request.requestId());
        StreamingDetokenizer detokenizer = model.tokenizer().newDetokenizer();
        StringBuilder thinking = new StringBuilder();
        StringBuilder answer = new StringBuilder();
        int eos = model.info().eosToken();
        float[] logits = sequence.prefill(prompt);
        FinishReason finish = FinishReason.LENGTH;
        Phase phase = Phase.THINKING;
        for (int generated = 0; generated < budget.maxTotalTokens(); generated++) {
            if (cancelled.getAsBoolean()) {
                finish = FinishReason.CANCELLED;
                break;
            }
            if (request.deadlineMs() != null && clockMs.getAsLong() >= request.deadlineMs()) {
                finish = FinishReason.DEADLINE;
                break;
            }
            int token = sampler.sample(logits);
            if (token == eos) {
                finish = FinishReason.STOP;
                break;
            }
            phase = generated < budget.maxThinkingTokens() ? Phase.THINKING : Phase.ANSWER;
            String text = detokenizer.accept(token);
            (phase == Phase.THINKING ? thinking : answer).append(text);
            assembler.accept(phase, text);
            if (generated + 1 < budget.maxTotalTokens()) {
                logits = sequence.step(token);
            }
        }
        String rest = detokenizer.flush();
        (phase == Phase.THINKING ? thinking : answer).append(rest);
        assembler.accept(phase, rest, 0);
        assembler.finish();
        ResultStatus status = switch (finish) {
            case CANCELLED -> ResultStatus.CANCELLED;
            case DEADLINE -> ResultStatus.FAILED;
            default -> ResultStatus.DONE;
        };
        return new SessionOutcome(status, finish, thinking.toString(), answer.toString(),
                new Usage(prompt.length, assembler.thinkingTokens(), assembler.answerTokens()),
                assembler.chunkCount(), finish == FinishReason.DEADLINE ? "deadline passed" : null);
    }
}
