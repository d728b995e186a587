package io.reasoner.engine.cli;

import io.reasoner.engine.model.ForwardProfile;

/**
 * Timings of one benchmark configuration: {@code batch} sequences with prompts of {@code promptTokens} tokens,
 * prefilled, then decoded together for {@code steps} steps. All times in nanoseconds of wall clock, summed over
 * the timed steps.
 *
 * @param forwardNanos     in the model's forward passes
 * @param stepNanos        in {@code BatchDecoder.step} as a whole: the forward pass, the logits hooks, bookkeeping
 * @param hookNanos        in the logits hooks (inside {@code stepNanos})
 * @param samplingNanos    choosing each sequence's next token from its logits
 * @param detokenizeNanos  turning each new token into text
 * @param medianStepNanos  the median of the steps' totals: next to the mean, it shows how much a few slow steps
 *                         (other work on the machine) weigh
 */
record DecodeMeasurement(String model, int batch, int promptTokens, int steps, long prefillNanos, long forwardNanos,
                         long stepNanos, long hookNanos, long samplingNanos, long detokenizeNanos,
                         long medianStepNanos, ForwardProfile profile) {

    /** A decoding step from the caller's side: the step call, then sampling and detokenising for every sequence. */
    long totalNanos() {
        return stepNanos + samplingNanos + detokenizeNanos;
    }

    /** Tokens generated per second across the batch. */
    double tokensPerSecond() {
        return (double) batch * steps / (totalNanos() / 1e9);
    }

    double millisPerStep() {
        return totalNanos() / 1e6 / steps;
    }

    /** Step time shared among the batch's tokens. */
    double millisPerToken() {
        return millisPerStep() / batch;
    }

    double prefillTokensPerSecond() {
        return (double) batch * promptTokens / (prefillNanos / 1e9);
    }

    /** Everything outside the forward pass, as a share of the step. */
    double overheadFraction() {
        return (double) (totalNanos() - forwardNanos) / totalNanos();
    }

    double share(long nanos) {
        return (double) nanos / totalNanos();
    }

    /** The step's own bookkeeping: what is neither the forward pass nor the hooks. */
    long bookkeepingNanos() {
        return stepNanos - forwardNanos - hookNanos;
    }
}
