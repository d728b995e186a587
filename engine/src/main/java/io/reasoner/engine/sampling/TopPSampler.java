package io.reasoner.engine.sampling;

import java.util.Arrays;
import java.util.Objects;

/**
 * Temperature then nucleus (top-p) sampling.
 *
 * <p>Probabilities are {@code softmax(logits / temperature)}, computed after subtracting the largest logit so
 * {@code exp} cannot overflow. Candidates are sorted by probability (ties by id, for determinism) and cut after
 * the first whose cumulative probability reaches {@code topP}; one uniform draw in [0, kept mass) then picks a
 * candidate by walking the cumulative sum. Given the same seed and logits, the same token comes out.
 *
 * <p>Sorting a large vocabulary every token is wasteful, so (as in llama2.c) tokens with probability below
 * {@code (1 - topP) / (n - 1)} are dropped first: even all of them together hold less than {@code 1 - topP}, so
 * the nucleus is always complete before reaching any of them.
 *
 * <p>The draw comes from {@link PositionDraws}: a stream (one value per call) or a function of the token's
 * position. Called without a position, the draw index stands in for it.
 */
final class TopPSampler implements Sampler {

    private final float temperature;
    private final float topP;
    private final PositionDraws draws;
    private int drawIndex;

    TopPSampler(SamplingParams params, PositionDraws draws) {
        if (params.isGreedy()) {
            throw new IllegalArgumentException("temperature must be > 0 for sampling, was 0 (use Sampler.greedy())");
        }
        this.temperature = params.temperature();
        this.topP = params.topP();
        this.draws = Objects.requireNonNull(draws, "draws");
    }

    @Override
    public int sample(float[] logits) {
        return sample(logits, drawIndex++);
    }

    @Override
    public int sample(float[] logits, int position) {
        if (logits.length == 0) {
            throw new IllegalArgumentException("logits must not be empty");
        }
        double[] probabilities = softmax(logits);
        int[] candidates = nucleus(probabilities);
        double mass = 0;
        for (int id : candidates) {
            mass += probabilities[id];
        }
        double target = draws.at(position) * mass;
        double cumulative = 0;
        for (int id : candidates) {
            cumulative += probabilities[id];
            if (target < cumulative) {
                return id;
            }
        }
        return candidates[candidates.length - 1]; // rounding left target at the very top of the range
    }

    /** Ids of the nucleus, most likely first; with topP = 1 every id, in id order (no sort needed). */
    private int[] nucleus(double[] probabilities) {
        int n = probabilities.length;
        if (topP >= 1f || n == 1) {
            int[] all = new int[n];
            Arrays.setAll(all, i -> i);
            return all;
        }
        double cutoff = (1.0 - topP) / (n - 1);
        Integer[] order = new Integer[n];
        int count = 0;
        for (int i = 0; i < n; i++) {
            if (probabilities[i] >= cutoff) {
                order[count++] = i;
            }
        }
        Arrays.sort(order, 0, count, (a, b) -> probabilities[a] != probabilities[b]
                ? Double.compare(probabilities[b], probabilities[a]) : Integer.compare(a, b));
        int kept = 0;
        double mass = 0;
        while (kept < count && (kept == 0 || mass < topP)) {
            mass += probabilities[order[kept++]];
        }
        int[] nucleus = new int[kept];
        for (int i = 0; i < kept; i++) {
            nucleus[i] = order[i];
        }
        return nucleus;
    }

    private double[] softmax(float[] logits) {
        float max = Float.NEGATIVE_INFINITY;
        for (float logit : logits) {
            max = Math.max(max, logit);
        }
        double[] probabilities = new double[logits.length];
        double sum = 0;
        for (int i = 0; i < logits.length; i++) {
            probabilities[i] = Math.exp((logits[i] - max) / temperature);
            sum += probabilities[i];
        }
        for (int i = 0; i < probabilities.length; i++) {
            probabilities[i] /= sum;
        }
        return probabilities;
    }
}
