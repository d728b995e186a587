package io.reasoner.engine.cli;

import io.reasoner.engine.batch.BatchConfig;
import io.reasoner.engine.batch.BatchDecoder;
import io.reasoner.engine.batch.DecodeRequest;
import io.reasoner.engine.batch.LogitsHook;
import io.reasoner.engine.batch.SequenceId;
import io.reasoner.engine.batch.StepResult;
import io.reasoner.engine.model.ForwardProfiler;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.tokenizer.StreamingDetokenizer;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.LongSupplier;

/**
 * Measures one loaded model under {@link BatchDecoder}: a batch of sequences with seeded random prompts is
 * prefilled (whole prompts, one per step), warmed up, then decoded greedily for a number of steps, timing
 * separately what a worker does per step: the forward pass, the logits hooks (each forbids EOS, as budget forcing
 * does while a model must keep thinking), the decoder's bookkeeping, sampling and detokenising.
 */
final class BatchBenchmark {

    /** Untimed decode steps first: JIT compilation and PyTorch's first-call costs. */
    static final int WARM_UP_STEPS = 3;

    private final String name;
    private final LanguageModel model;
    private final ForwardProfiler profiler;
    private final LongSupplier clock;

    BatchBenchmark(String name, LanguageModel model, ForwardProfiler profiler, LongSupplier clock) {
        this.name = name;
        this.model = model;
        this.profiler = profiler;
        this.clock = clock;
    }

    DecodeMeasurement run(int batch, int promptTokens, int steps) {
        int capacity = promptTokens + WARM_UP_STEPS + steps + 1;
        BatchConfig config = new BatchConfig(batch, capacity, promptTokens,
                batch * capacity * Math.max(1, model.kvBytesPerToken()));
        SplittableRandom random = new SplittableRandom(42);
        long[] hookNanos = {0};
        try (BatchDecoder decoder = BatchDecoder.open(model, config, clock::getAsLong)) {
            Map<SequenceId, StreamingDetokenizer> detokenizers = new LinkedHashMap<>();
            for (int i = 0; i < batch; i++) {
                int[] prompt = random.ints(promptTokens, 3, model.info().vocabSize()).toArray();
                SequenceId id = decoder.join(new DecodeRequest(prompt, steps + WARM_UP_STEPS, timed(hookNanos)));
                detokenizers.put(id, model.tokenizer().newDetokenizer());
            }
            long start = clock.getAsLong();
            Map<SequenceId, float[]> logits = new HashMap<>();
            while (logits.size() < batch) {
                logits.putAll(decoder.step(Map.of()).logits());
            }
            long prefillNanos = clock.getAsLong() - start;
            for (int i = 0; i < WARM_UP_STEPS; i++) {
                logits = decoder.step(greedy(logits)).logits();
            }
            profiler.reset();
            hookNanos[0] = 0;
            long[] stepTotals = new long[steps];
            long[] times = decode(decoder, logits, detokenizers, stepTotals);
            Arrays.sort(stepTotals);
            return new DecodeMeasurement(name, batch, promptTokens, steps, prefillNanos, times[0], times[1],
                    hookNanos[0], times[2], times[3], stepTotals[steps / 2], profiler.snapshot());
        }
    }

    /**
     * Runs {@code stepTotals.length} steps, filling in each one's total; returns nanoseconds in forward passes, in
     * step calls, sampling and detokenising.
     */
    private long[] decode(BatchDecoder decoder, Map<SequenceId, float[]> first,
                          Map<SequenceId, StreamingDetokenizer> detokenizers, long[] stepTotals) {
        long[] times = new long[4];
        Map<SequenceId, float[]> logits = first;
        for (int step = 0; step < stepTotals.length; step++) {
            long t0 = clock.getAsLong();
            Map<SequenceId, Integer> next = greedy(logits);
            long t1 = clock.getAsLong();
            StepResult result = decoder.step(next);
            long t2 = clock.getAsLong();
            next.forEach((id, token) -> detokenizers.get(id).accept(token));
            long t3 = clock.getAsLong();
            times[0] += result.forwardNanos();
            times[1] += t2 - t1;
            times[2] += t1 - t0;
            times[3] += t3 - t2;
            stepTotals[step] = t3 - t0;
            logits = result.logits();
        }
        return times;
    }

    private static Map<SequenceId, Integer> greedy(Map<SequenceId, float[]> logits) {
        Map<SequenceId, Integer> next = new HashMap<>();
        Sampler sampler = Sampler.greedy();
        logits.forEach((id, scores) -> next.put(id, sampler.sample(scores)));
        return next;
    }

    private LogitsHook timed(long[] hookNanos) {
        int eos = model.info().eosToken();
        return logits -> {
            long start = clock.getAsLong();
            logits[eos] = Float.NEGATIVE_INFINITY;
            hookNanos[0] += clock.getAsLong() - start;
        };
    }

    /**
     * What a joining prompt costs the sequences already decoding: mean step time of {@code decoding} sequences
     * alone, then while one more prefills {@code promptTokens} tokens in chunks of {@code chunk}, and the time the
     * same prompt takes in one piece (how long everyone would stall without chunking).
     *
     * @return {plain step ms, step-with-chunk ms, chunked steps, one-piece prefill ms}
     */
    double[] joinUnderLoad(int decoding, int promptTokens, int chunk) {
        int capacity = promptTokens + 64;
        BatchConfig config = new BatchConfig(decoding + 1, capacity, chunk,
                (decoding + 1L) * capacity * Math.max(1, model.kvBytesPerToken()));
        SplittableRandom random = new SplittableRandom(43);
        try (BatchDecoder decoder = BatchDecoder.open(model, config, clock::getAsLong)) {
            Map<SequenceId, float[]> logits = new HashMap<>();
            for (int i = 0; i < decoding; i++) {
                decoder.join(new DecodeRequest(random.ints(8, 3, model.info().vocabSize()).toArray(), 40));
            }
            while (logits.size() < decoding) {
                logits.putAll(decoder.step(Map.of()).logits());
            }
            for (int i = 0; i < WARM_UP_STEPS; i++) {
                logits = decoder.step(greedy(logits)).logits();
            }
            long start = clock.getAsLong();
            for (int i = 0; i < 4; i++) {
                logits = decoder.step(greedy(logits)).logits();
            }
            double plain = (clock.getAsLong() - start) / 1e6 / 4;
            SequenceId joining = decoder.join(new DecodeRequest(
                    random.ints(promptTokens, 3, model.info().vocabSize()).toArray(), 8));
            int chunkedSteps = 0;
            start = clock.getAsLong();
            while (decoder.isPrefilling(joining)) {
                Map<SequenceId, float[]> stepped = new HashMap<>(decoder.step(greedy(logits)).logits());
                stepped.remove(joining);
                logits = stepped;
                chunkedSteps++;
            }
            double withChunk = (clock.getAsLong() - start) / 1e6 / chunkedSteps;
            return new double[] {plain, withChunk, chunkedSteps, onePiecePrefillMillis(promptTokens, random)};
        }
    }

    private double onePiecePrefillMillis(int promptTokens, SplittableRandom random) {
        try (Sequence sequence = model.newSequence(promptTokens)) {
            long start = clock.getAsLong();
            sequence.prefill(random.ints(promptTokens, 3, model.info().vocabSize()).toArray());
            return (clock.getAsLong() - start) / 1e6;
        }
    }
}
