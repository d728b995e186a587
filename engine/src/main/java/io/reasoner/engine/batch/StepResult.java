package io.reasoner.engine.batch;

import java.util.Map;
import java.util.Objects;

/**
 * What one {@link BatchDecoder#step} produced.
 *
 * @param logits          the logits predicting each sequence's next token, after its {@link LogitsHook}: for every
 *                        sequence that was given a token, and every sequence whose prompt (or appended text)
 *                        finished prefilling in this step; a sequence still prefilling has none
 * @param decodedTokens   tokens appended from the step's argument (one per sequence)
 * @param prefilledTokens prompt or appended tokens prefilled, at most {@link BatchConfig#prefillChunkTokens()}
 * @param forwardNanos    time in the model's forward pass, by the decoder's ticker; the rest of the step is
 *                        bookkeeping and hooks
 */
public record StepResult(Map<SequenceId, float[]> logits, int decodedTokens, int prefilledTokens, long forwardNanos) {

    public StepResult {
        logits = Map.copyOf(Objects.requireNonNull(logits, "logits"));
    }

    static StepResult idle() {
        return new StepResult(Map.of(), 0, 0, 0);
    }
}
