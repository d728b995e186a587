package io.reasoner.s1mini.data;

import java.util.random.RandomGenerator;

/**
 * A family of synthetic reasoning problems: a generator with a difficulty knob and an exact verifier. The verifier
 * re-derives the answer from the question text alone, by a different route than the step-by-step solution
 * (library arithmetic against column-wise working), so it checks model output and generated traces alike.
 */
public interface Domain {

    String name();

    int minDifficulty();

    int maxDifficulty();

    /** @throws IllegalArgumentException if {@code difficulty} is outside [min, max] */
    Problem generate(int difficulty, RandomGenerator random);

    /** Whether {@code answer} (trimmed) is the exact answer to {@code question}; false for anything unparseable. */
    boolean verify(String question, String answer);

    default void requireDifficulty(int difficulty) {
        if (difficulty < minDifficulty() || difficulty > maxDifficulty()) {
            throw new IllegalArgumentException(name() + " difficulty must be in [" + minDifficulty() + ", "
                    + maxDifficulty() + "], was " + difficulty);
        }
    }
}
