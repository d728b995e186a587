package io.reasoner.engine.batch;

import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link BatchingModel}'s stepper has done: steps, tokens decoded and prefilled, time in the forward pass.
 * Written by the stepper, read by anyone.
 */
public final class BatchCounters {

    private final LongAdder steps = new LongAdder();
    private final LongAdder decoded = new LongAdder();
    private final LongAdder prefilled = new LongAdder();
    private final LongAdder forwardNanos = new LongAdder();

    void record(StepResult result) {
        steps.increment();
        decoded.add(result.decodedTokens());
        prefilled.add(result.prefilledTokens());
        forwardNanos.add(result.forwardNanos());
    }

    public Snapshot snapshot() {
        return new Snapshot(steps.sum(), decoded.sum(), prefilled.sum(), forwardNanos.sum());
    }

    /**
     * @param steps          forward passes run
     * @param decodedTokens  sampled tokens appended, one per sequence per step
     * @param prefilledTokens prompt and forced tokens appended
     * @param forwardNanos   time inside the forward passes
     */
    public record Snapshot(long steps, long decodedTokens, long prefilledTokens, long forwardNanos) {

        /** Sequences advanced by an average decoding step; 0 before the first. */
        public double meanDecodeBatch() {
            return steps == 0 ? 0 : (double) decodedTokens / steps;
        }
    }
}
