package io.reasoner.engine.model;

import java.util.Arrays;

/**
 * How a checkpoint stretches RoPE past the context it was pre-trained on. Unscaled, pair {@code i} of the
 * {@code d} rotated dims turns {@code base^(-2i/d)} radians per position (its inverse frequency); each kind of
 * scaling changes those inverse frequencies, and YaRN also scales every rotated cos and sin. Read from a GGUF
 * file by {@link GgufRopeScaling} and from a {@code config.json} by {@link HuggingFaceRopeScaling}; the same
 * checkpoint in either format yields the same angles.
 */
sealed interface RopeScaling {

    /** Radians per position for each of the {@code dimensions / 2} rotated pairs. */
    double[] inverseFrequencies(double base, int dimensions);

    /** Multiplies every rotated cos and sin (YaRN's attention temperature); 1 for every other kind. */
    default double attentionFactor() {
        return 1;
    }

    static RopeScaling none() {
        return new None();
    }

    /** {@code base^(-2i/d)} for each pair {@code i}: the unscaled inverse frequencies. */
    static double[] unscaled(double base, int dimensions) {
        double[] inverse = new double[dimensions / 2];
        for (int i = 0; i < inverse.length; i++) {
            inverse[i] = Math.pow(base, -2.0 * i / dimensions);
        }
        return inverse;
    }

    /** Plain RoPE. */
    record None() implements RopeScaling {

        @Override
        public double[] inverseFrequencies(double base, int dimensions) {
            return unscaled(base, dimensions);
        }
    }

    /**
     * Position interpolation: every inverse frequency divided by {@code factor}, which is the same as dividing
     * positions by it (Hugging Face {@code rope_type: linear}, GGUF {@code rope.scaling.type = linear}).
     */
    record Linear(double factor) implements RopeScaling {

        public Linear {
            requirePositive("factor", factor);
        }

        @Override
        public double[] inverseFrequencies(double base, int dimensions) {
            double[] inverse = unscaled(base, dimensions);
            for (int i = 0; i < inverse.length; i++) {
                inverse[i] /= factor;
            }
            return inverse;
        }
    }

    /**
     * Llama 3.1's scaling ({@code rope_type: llama3}): pairs whose wavelength {@code 2 pi / f} is shorter than
     * {@code originalContext / highFreqFactor} keep their frequency, those longer than
     * {@code originalContext / lowFreqFactor} are divided by {@code factor}, and those between are blended
     * linearly in {@code originalContext / wavelength}, so no frequency jumps.
     */
    record Llama3(double factor, double lowFreqFactor, double highFreqFactor, int originalContext)
            implements RopeScaling {

        public Llama3 {
            requirePositive("factor", factor);
            requirePositive("lowFreqFactor", lowFreqFactor);
            if (!(highFreqFactor > lowFreqFactor) || Double.isInfinite(highFreqFactor)) {
                throw new IllegalArgumentException("highFreqFactor must be finite and > lowFreqFactor ("
                        + lowFreqFactor + "), was " + highFreqFactor);
            }
            if (originalContext < 1) {
                throw new IllegalArgumentException("originalContext must be >= 1, was " + originalContext);
            }
        }

        /**
         * What each pair's inverse frequency is divided by: the values llama.cpp's converter stores as the
         * {@code rope_freqs.weight} tensor of a GGUF file, which {@link FrequencyFactors} then applies.
         */
        double[] divisors(double base, int dimensions) {
            double[] unscaled = unscaled(base, dimensions);
            double[] divisors = new double[unscaled.length];
            for (int i = 0; i < unscaled.length; i++) {
                double wavelength = 2 * Math.PI / unscaled[i];
                if (wavelength < originalContext / highFreqFactor) {
                    divisors[i] = 1;
                } else if (wavelength > originalContext / lowFreqFactor) {
                    divisors[i] = factor;
                } else {
                    double smooth = (originalContext / wavelength - lowFreqFactor) / (highFreqFactor - lowFreqFactor);
                    divisors[i] = 1 / ((1 - smooth) / factor + smooth);
                }
            }
            return divisors;
        }

        @Override
        public double[] inverseFrequencies(double base, int dimensions) {
            double[] inverse = unscaled(base, dimensions);
            double[] divisors = divisors(base, dimensions);
            for (int i = 0; i < inverse.length; i++) {
                inverse[i] /= divisors[i];
            }
            return inverse;
        }
    }

    /**
     * Per-pair divisors of the inverse frequencies, as a GGUF file stores Llama 3.1 scaling: the F32 tensor
     * {@code rope_freqs.weight}, one value per rotated pair, by which ggml's RoPE divides each angle.
     */
    record FrequencyFactors(float[] factors) implements RopeScaling {

        public FrequencyFactors {
            factors = factors.clone();
            for (int i = 0; i < factors.length; i++) {
                if (!(factors[i] > 0) || Float.isInfinite(factors[i])) {
                    throw new IllegalArgumentException("factors[" + i + "] must be finite and > 0, was "
                            + factors[i]);
                }
            }
        }

        @Override
        public float[] factors() {
            return factors.clone();
        }

        @Override
        public double[] inverseFrequencies(double base, int dimensions) {
            if (factors.length != dimensions / 2) {
                throw new IllegalArgumentException("one factor per rotated pair (" + dimensions / 2
                        + ") is needed, had " + factors.length);
            }
            double[] inverse = unscaled(base, dimensions);
            for (int i = 0; i < inverse.length; i++) {
                inverse[i] /= factors[i];
            }
            return inverse;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FrequencyFactors that && Arrays.equals(factors, that.factors);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(factors);
        }

        @Override
        public String toString() {
            return "FrequencyFactors" + Arrays.toString(factors);
        }
    }

    /**
     * YaRN (Peng et al., 2023; {@code rope_type: yarn}): pairs that turn fewer than {@code betaSlow} times over
     * the original context are interpolated (divided by {@code factor}), pairs that turn more than
     * {@code betaFast} times keep their frequency, and a linear ramp over the pair index blends the two between.
     * The pair index at which a pair turns {@code r} times is {@code d ln(originalContext / (2 pi r)) / (2 ln base)};
     * with {@code truncate} the ramp's ends are rounded outwards to whole pairs, as llama.cpp always does.
     *
     * @param attentionFactor multiplies every rotated cos and sin, so attention logits grow by its square; see
     *                        {@link #defaultAttentionFactor}
     */
    record Yarn(double factor, int originalContext, double betaFast, double betaSlow, double attentionFactor,
                boolean truncate) implements RopeScaling {

        static final double DEFAULT_BETA_FAST = 32;
        static final double DEFAULT_BETA_SLOW = 1;

        public Yarn {
            requirePositive("factor", factor);
            requirePositive("betaFast", betaFast);
            requirePositive("betaSlow", betaSlow);
            requirePositive("attentionFactor", attentionFactor);
            if (originalContext < 1) {
                throw new IllegalArgumentException("originalContext must be >= 1, was " + originalContext);
            }
        }

        /** The paper's {@code 0.1 ln(factor) + 1}, or 1 when the factor does not stretch the context. */
        static double defaultAttentionFactor(double factor) {
            return factor <= 1 ? 1 : 0.1 * Math.log(factor) + 1;
        }

        @Override
        public double[] inverseFrequencies(double base, int dimensions) {
            double low = correctionDim(betaFast, base, dimensions);
            double high = correctionDim(betaSlow, base, dimensions);
            if (truncate) {
                low = Math.floor(low);
                high = Math.ceil(high);
            }
            low = Math.max(low, 0);
            high = Math.min(high, dimensions - 1);
            double[] inverse = unscaled(base, dimensions);
            for (int i = 0; i < inverse.length; i++) {
                double ramp = Math.min(1, Math.max(0, (i - low) / Math.max(high - low, 0.001)));
                double extrapolated = 1 - ramp; // weight of the unscaled frequency
                inverse[i] = inverse[i] / factor * (1 - extrapolated) + inverse[i] * extrapolated;
            }
            return inverse;
        }

        private double correctionDim(double rotations, double base, int dimensions) {
            return dimensions * Math.log(originalContext / (rotations * 2 * Math.PI)) / (2 * Math.log(base));
        }
    }

    private static void requirePositive(String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " must be finite and > 0, was " + value);
        }
    }
}
