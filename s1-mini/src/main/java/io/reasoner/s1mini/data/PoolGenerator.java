package io.reasoner.s1mini.data;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The large pool of traces (s1's 59K questions, at laptop scale): each trace from a domain drawn uniformly and a
 * difficulty drawn uniformly within that domain's range, so that selection has every cell to choose from.
 */
public final class PoolGenerator {

    private final List<Domain> domains;
    private final TraceGenerator traces;

    public PoolGenerator(List<Domain> domains, TraceGenerator traces) {
        this.domains = List.copyOf(domains);
        this.traces = Objects.requireNonNull(traces, "traces");
        if (this.domains.isEmpty()) {
            throw new IllegalArgumentException("domains must not be empty");
        }
    }

    /** {@code size} traces; the same random seed gives the same pool. */
    public List<Trace> generate(int size, RandomGenerator random) {
        if (size < 0) {
            throw new IllegalArgumentException("size must be >= 0, was " + size);
        }
        List<Trace> pool = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Domain domain = domains.get(random.nextInt(domains.size()));
            int difficulty = random.nextInt(domain.minDifficulty(), domain.maxDifficulty() + 1);
            pool.add(traces.write(domain.generate(difficulty, random), random));
        }
        return pool;
    }

    /** Problems only (no traces), for held-out evaluation sets. */
    public List<Problem> problems(int size, RandomGenerator random) {
        List<Problem> problems = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            Domain domain = domains.get(random.nextInt(domains.size()));
            int difficulty = random.nextInt(domain.minDifficulty(), domain.maxDifficulty() + 1);
            problems.add(domain.generate(difficulty, random));
        }
        return problems;
    }
}
