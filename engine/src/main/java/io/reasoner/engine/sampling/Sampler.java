package io.reasoner.engine.sampling;

import java.util.random.RandomGenerator;

/** Picks the next token id from a vector of logits. Implementations may hold a random generator: not thread-safe. */
@FunctionalInterface
public interface Sampler {

    /** @param logits unnormalised scores, one per vocabulary entry; not modified */
    int sample(float[] logits);

    /**
     * Picks the token at {@code position} of its sequence (prompt included). A sampler whose pick depends only on
     * the logits and the position ({@link #greedy()}, {@link #seeded}) picks the same token whenever it is asked
     * again with the same logits at the same position, in any order: what lets a generation that died be resumed
     * from what it streamed and still produce the same tokens. By default the position is ignored.
     */
    default int sample(float[] logits, int position) {
        return sample(logits);
    }

    static Sampler greedy() {
        return new GreedySampler();
    }

    /**
     * Greedy when the temperature is 0, otherwise temperature + top-p sampling drawing from {@code random}: one draw
     * per token, in call order, so a generation resumed with a fresh generator does not repeat the first run's
     * tokens. Use {@link #seeded} where that matters.
     */
    static Sampler of(SamplingParams params, RandomGenerator random) {
        return params.isGreedy() ? greedy() : new TopPSampler(params, PositionDraws.fromStream(random));
    }

    /**
     * Greedy when the temperature is 0, otherwise temperature + top-p sampling whose uniform draw for the token at
     * position {@code p} is a pure function of {@code (seed, p)} (the (p+1)-th output of SplitMix64 seeded with
     * {@code seed}, computed directly). Given the same logits, the token at a position is the same however the
     * generation got there, so a resumed generation continues exactly as the uninterrupted one would have. Called
     * through {@link #sample(float[])}, the draw index stands in for the position.
     */
    static Sampler seeded(SamplingParams params, long seed) {
        return params.isGreedy() ? greedy() : new TopPSampler(params, PositionDraws.keyedBy(seed));
    }
}
