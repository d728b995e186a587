package io.reasoner.s1mini.train;

/**
 * One training stage's hyper-parameters. The learning rate warms up linearly over {@code warmupSteps}, then
 * decays along a cosine to a tenth of its peak at the last step.
 *
 * @param batchSize    sequences per step, padded to the longest of them
 * @param clipNorm     the global gradient norm is scaled down to this when above it
 * @param weightDecay  AdamW's decoupled decay, applied to matrices only (not to norm weights)
 */
public record TrainingConfig(int steps, int batchSize, float learningRate, int warmupSteps, float weightDecay,
                             float clipNorm, long seed) {

    public TrainingConfig {
        requireAtLeast("steps", steps, 1);
        requireAtLeast("batchSize", batchSize, 1);
        if (warmupSteps < 0 || warmupSteps > steps) {
            throw new IllegalArgumentException("warmupSteps must be in [0, " + steps + "], was " + warmupSteps);
        }
        if (!(learningRate > 0 && learningRate < 1)) {
            throw new IllegalArgumentException("learningRate must be in (0, 1), was " + learningRate);
        }
        if (!(weightDecay >= 0 && weightDecay < 1)) {
            throw new IllegalArgumentException("weightDecay must be in [0, 1), was " + weightDecay);
        }
        if (!(clipNorm > 0)) {
            throw new IllegalArgumentException("clipNorm must be > 0, was " + clipNorm);
        }
    }

    private static void requireAtLeast(String name, int value, int min) {
        if (value < min) {
            throw new IllegalArgumentException(name + " must be >= " + min + ", was " + value);
        }
    }

    /** The learning rate at step {@code step} (0-based). */
    public float learningRateAt(int step) {
        if (step < warmupSteps) {
            return learningRate * (step + 1) / warmupSteps;
        }
        double progress = steps == warmupSteps ? 1 : (double) (step - warmupSteps) / (steps - warmupSteps);
        double floor = 0.1 * learningRate;
        return (float) (floor + (learningRate - floor) * 0.5 * (1 + Math.cos(Math.PI * progress)));
    }
}
