package io.reasoner.engine.sampling;

import java.util.random.RandomGenerator;

/** Picks the next token id from a vector of logits. Implementations may hold a random generator: not thread-safe. */
@FunctionalInterface
public interface Sampler {

    /** @param logits unnormalised scores, one per vocabulary entry; not modified */
    int sample(float[] logits);

    static Sampler greedy() {
        return new GreedySampler();
    }

    /** Greedy when the temperature is 0, otherwise temperature + top-p sampling drawing from {@code random}. */
    static Sampler of(SamplingParams params, RandomGenerator random) {
        return params.isGreedy() ? greedy() : new TopPSampler(params, random);
    }
}
