package io.reasoner.s1mini.select;

import io.reasoner.s1mini.data.Problem;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

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
    private final double lengthQuantile;
    private final boolean byLength;

    /** @param lengthQuantile in [0, 1]: 0.5 keeps traces at least as long as their domain's median */
    public DifficultyFilter(Baseline baseline, double lengthQuantile) {
        this(baseline, lengthQuantile, true);
    }

    private DifficultyFilter(Baseline baseline, double lengthQuantile, boolean byLength) {
        this.baseline = Objects.requireNonNull(baseline, "baseline");
        if (!(lengthQuantile >= 0 && lengthQuantile <= 1)) {
            throw new IllegalArgumentException("lengthQuantile must be in [0, 1], was " + lengthQuantile);
        }
        this.lengthQuantile = lengthQuantile;
        this.byLength = byLength;
    }

    /** Hard if the thinking is at least as long as {@code lengthQuantile} of its domain's; no baseline. */
    public static DifficultyFilter byLength(double lengthQuantile) {
        return new DifficultyFilter(Baseline.none(), lengthQuantile);
    }

    /** Hard only if {@code baseline} gets the problem wrong, whatever the trace's length (s1's model filter). */
    public static DifficultyFilter byBaseline(Baseline baseline) {
        return new DifficultyFilter(baseline, 1, false);
    }

    public List<Candidate> apply(List<Candidate> candidates) {
        Map<String, Integer> thresholds = thresholds(candidates);
        List<Candidate> hard = new ArrayList<>();
        for (Candidate candidate : candidates) {
            boolean longTrace = byLength && candidate.thinkingTokens() >= thresholds.get(candidate.domain());
            if (longTrace || !baseline.solves(candidate.trace().problem())) {
                hard.add(candidate);
            }
        }
        return hard;
    }

    /** Per domain, the thinking length at {@code lengthQuantile} (nearest rank). */
    Map<String, Integer> thresholds(List<Candidate> candidates) {
        Map<String, List<Integer>> lengths = new HashMap<>();
        for (Candidate candidate : candidates) {
            lengths.computeIfAbsent(candidate.domain(), d -> new ArrayList<>()).add(candidate.thinkingTokens());
        }
        Map<String, Integer> thresholds = new HashMap<>();
        lengths.forEach((domain, values) -> {
            values.sort(null);
            int rank = (int) Math.ceil(lengthQuantile * values.size()) - 1;
            thresholds.put(domain, values.get(Math.max(0, Math.min(values.size() - 1, rank))));
        });
        return thresholds;
    }
}
