package io.reasoner.s1mini.select;

import io.reasoner.s1mini.data.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * s1's second criterion, difficulty: s1 dropped questions that weaker models (Qwen2.5 7B and 32B) answered
 * correctly, and took longer traces as harder. Here a candidate is hard if a weaker {@link Baseline} gets its
 * problem wrong, or if its thinking is at least as long as the given quantile of its domain's thinking lengths
 * (per domain, since domains differ in how much writing a step takes). {@link #byLength} and {@link #byBaseline}
 * use one criterion alone.
 */
public final class DifficultyFilter {

    /** A weaker solver whose failures mark problems as hard. */
    @FunctionalInterface
    public interface Baseline {
        boolean solves(Problem problem);

        /** No baseline: difficulty comes from trace length alone. */
        static Baseline none() {
            return problem -> true;
        }
    }

    private final Baseline baseline;
    /** Empty when length is no criterion ({@link #byBaseline}). */
    private final OptionalDouble lengthQuantile;

    /** @param lengthQuantile in [0, 1]: 0.5 keeps traces at least as long as their domain's median */
    public DifficultyFilter(Baseline baseline, double lengthQuantile) {
        this(baseline, OptionalDouble.of(lengthQuantile));
        if (!(lengthQuantile >= 0 && lengthQuantile <= 1)) {
            throw new IllegalArgumentException("lengthQuantile must be in [0, 1], was " + lengthQuantile);
        }
    }

    private DifficultyFilter(Baseline baseline, OptionalDouble lengthQuantile) {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        this.lengthQuantile = lengthQuantile;
    }

    /** Hard if the thinking is at least as long as {@code lengthQuantile} of its domain's; no baseline. */
    public static DifficultyFilter byLength(double lengthQuantile) {
        return new DifficultyFilter(Baseline.none(), lengthQuantile);
    }

    /** Hard only if {@code baseline} gets the problem wrong, whatever the trace's length (s1's model filter). */
    public static DifficultyFilter byBaseline(Baseline baseline) {
        return new DifficultyFilter(baseline, OptionalDouble.empty());
    }

    public List<Candidate> apply(List<Candidate> candidates) {
        // With no length criterion no domain has a threshold, so no trace counts as long.
        Map<String, Integer> thresholds = lengthQuantile.isPresent() ? thresholds(candidates) : Map.of();
        List<Candidate> hard = new ArrayList<>();
        for (Candidate candidate : candidates) {
            Integer threshold = thresholds.get(candidate.domain());
            boolean longTrace = threshold != null && candidate.thinkingTokens() >= threshold;
            if (longTrace || !baseline.solves(candidate.trace().problem())) {
                hard.add(candidate);
            }
        }
        return hard;
    }

    /** Per domain, the thinking length at {@code lengthQuantile} (nearest rank); only for a length criterion. */
    Map<String, Integer> thresholds(List<Candidate> candidates) {
        double quantile = lengthQuantile.orElseThrow();
        Map<String, List<Integer>> lengths = new HashMap<>();
        for (Candidate candidate : candidates) {
            lengths.computeIfAbsent(candidate.domain(), d -> new ArrayList<>()).add(candidate.thinkingTokens());
        }
        Map<String, Integer> thresholds = new HashMap<>();
        lengths.forEach((domain, values) -> {
            values.sort(null);
            int rank = (int) Math.ceil(quantile * values.size()) - 1;
            thresholds.put(domain, values.get(Math.max(0, Math.min(values.size() - 1, rank))));
        });
        return thresholds;
    }
}
