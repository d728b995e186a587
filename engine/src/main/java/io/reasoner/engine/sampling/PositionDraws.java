package io.reasoner.engine.sampling;

import java.util.Objects;
import java.util.random.RandomGenerator;

/** Where a sampler's uniform draws in [0, 1) come from: one per sampled token. */
@FunctionalInterface
interface PositionDraws {

    long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    double DOUBLE_UNIT = 0x1.0p-53;

    /** The draw for the token at {@code position}; sources that are streams ignore it. */
    double at(int position);

    /** The next value of {@code random} on every call, whatever the position: a stream. */
    static PositionDraws fromStream(RandomGenerator random) {
        Objects.requireNonNull(random, "random");
        return position -> random.nextDouble();
    }

    /**
     * A counter-based generator: SplitMix64's state after {@code position + 1} steps from {@code seed} is
     * {@code seed + (position + 1) * gamma}, so its output for any position is computed directly, without the
     * outputs before it. Equal to the {@code (position + 1)}-th {@code nextDouble()} of
     * {@code new SplittableRandom(seed)}.
     */
    static PositionDraws keyedBy(long seed) {
        return position -> {
            if (position < 0) {
                throw new IllegalArgumentException("position must be >= 0, was " + position);
            }
            return (mix64(seed + (position + 1L) * GOLDEN_GAMMA) >>> 11) * DOUBLE_UNIT;
        };
    }

    /** SplitMix64's output function (Stafford's variant 13), as in {@code java.util.SplittableRandom}. */
    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
