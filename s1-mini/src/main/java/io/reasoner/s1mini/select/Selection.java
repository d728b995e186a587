package io.reasoner.s1mini.select;

import io.reasoner.engine.tokenizer.Tokenizer;
import io.reasoner.s1mini.data.Trace;
import io.reasoner.s1mini.data.TraceFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * s1K's selection as code, each stage kept for the statistics: the pool, what passed quality, what of that passed
 * difficulty, the diverse sample of it (the curated set), and the ablation: the same number drawn uniformly from
 * the whole pool, as s1's "1K-random".
 */
public record Selection(List<Candidate> pool, List<Candidate> quality, List<Candidate> hard, List<Candidate> curated,
                        List<Candidate> random) {

    public Selection {
        pool = List.copyOf(pool);
        quality = List.copyOf(quality);
        hard = List.copyOf(hard);
        curated = List.copyOf(curated);
        random = List.copyOf(random);
    }

    /**
     * @param size how many traces to select (s1: 1,000); fewer if the filters leave fewer
     */
    public static Selection run(List<Trace> traces, Tokenizer tokenizer, int size, DifficultyFilter difficulty,
                                RandomGenerator random) {
        Objects.requireNonNull(tokenizer, "tokenizer");
        return of(candidates(traces, tokenizer), size, difficulty, random);
    }

    /** As {@link #run}, over candidates already counted by {@link #candidates}. */
    public static Selection of(List<Candidate> pool, int size, DifficultyFilter difficulty, RandomGenerator random) {
        if (size < 1) {
            throw new IllegalArgumentException("size must be >= 1, was " + size);
        }
        List<Candidate> quality = QualityFilter.apply(pool);
        List<Candidate> hard = difficulty.apply(quality);
        List<Candidate> curated = DiversitySampler.sample(hard, size, random);
        return new Selection(pool, quality, hard, curated, uniform(pool, curated.size(), random));
    }

    /** Every trace with its thinking tokens counted by {@code tokenizer}, in order. */
    public static List<Candidate> candidates(List<Trace> traces, Tokenizer tokenizer) {
        List<Candidate> pool = new ArrayList<>(traces.size());
        for (Trace trace : traces) {
            pool.add(new Candidate(trace, thinkingTokens(trace, tokenizer)));
        }
        return pool;
    }

    /** Tokens of the thinking where the trace parses, else of the whole completion. */
    static int thinkingTokens(Trace trace, Tokenizer tokenizer) {
        String text = TraceFormat.parse(trace.completion()).map(TraceFormat.Parsed::thinking)
                .orElse(trace.completion());
        return tokenizer.encode(text, false).length;
    }

    /** {@code size} distinct candidates drawn uniformly (a partial Fisher-Yates shuffle). */
    public static List<Candidate> uniform(List<Candidate> pool, int size, RandomGenerator random) {
        List<Candidate> copy = new ArrayList<>(pool);
        int n = Math.min(size, copy.size());
        for (int i = 0; i < n; i++) {
            int j = random.nextInt(i, copy.size());
            Candidate swap = copy.get(i);
            copy.set(i, copy.get(j));
            copy.set(j, swap);
        }
        return new ArrayList<>(copy.subList(0, n));
    }
}
