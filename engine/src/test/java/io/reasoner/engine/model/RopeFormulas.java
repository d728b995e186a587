package io.reasoner.engine.model;

/**
 * The published RoPE scaling formulas, written out plainly from their sources rather than from the engine:
 * transformers' {@code modeling_rope_utils} ({@code _compute_linear_scaling_rope_parameters},
 * {@code _compute_llama3_parameters}, {@code _compute_yarn_parameters}) and llama.cpp's
 * {@code convert_hf_to_gguf.py} (the {@code rope_freqs} factors). Each returns one inverse frequency (radians per
 * position) per rotated pair.
 */
final class RopeFormulas {

    private RopeFormulas() {
    }

    /** {@code 1 / base^(2i/d)}. */
    static double[] plain(double base, int d) {
        double[] inverse = new double[d / 2];
        for (int i = 0; i < d / 2; i++) {
            inverse[i] = 1.0 / Math.pow(base, (2.0 * i) / d);
        }
        return inverse;
    }

    /** {@code inv_freq / factor}. */
    static double[] linear(double base, int d, double factor) {
        double[] inverse = plain(base, d);
        for (int i = 0; i < inverse.length; i++) {
            inverse[i] = inverse[i] / factor;
        }
        return inverse;
    }

    /** transformers' llama3 rule: high frequencies kept, low ones divided, the middle smoothly blended. */
    static double[] llama3(double base, int d, double factor, double low, double high, int oldContext) {
        double lowFreqWavelen = oldContext / low;
        double highFreqWavelen = oldContext / high;
        double[] inverse = plain(base, d);
        for (int i = 0; i < inverse.length; i++) {
            double freq = inverse[i];
            double wavelen = 2 * Math.PI / freq;
            if (wavelen < highFreqWavelen) {
                inverse[i] = freq;
            } else if (wavelen > lowFreqWavelen) {
                inverse[i] = freq / factor;
            } else {
                double smooth = (oldContext / wavelen - low) / (high - low);
                inverse[i] = (1 - smooth) * freq / factor + smooth * freq;
            }
        }
        return inverse;
    }

    /** convert_hf_to_gguf.py's {@code rope_factors} for llama3 scaling, stored as {@code rope_freqs.weight}. */
    static float[] llama3GgufFactors(double base, int d, double factor, double low, double high, int oldContext) {
        double lowFreqWavelen = oldContext / low;
        double highFreqWavelen = oldContext / high;
        double[] freqs = plain(base, d);
        float[] factors = new float[freqs.length];
        for (int i = 0; i < freqs.length; i++) {
            double wavelen = 2 * Math.PI / freqs[i];
            if (wavelen < highFreqWavelen) {
                factors[i] = 1;
            } else if (wavelen > lowFreqWavelen) {
                factors[i] = (float) factor;
            } else {
                double smooth = (oldContext / wavelen - low) / (high - low);
                factors[i] = (float) (1 / ((1 - smooth) / factor + smooth));
            }
        }
        return factors;
    }

    /** transformers' {@code find_correction_dim}: the pair index that turns {@code rotations} times. */
    static double yarnCorrectionDim(double rotations, int d, double base, int originalContext) {
        return (d * Math.log(originalContext / (rotations * 2 * Math.PI))) / (2 * Math.log(base));
    }

    /** transformers' YaRN inverse frequencies, truncating the correction range as it does by default. */
    static double[] yarn(double base, int d, double factor, int originalContext, double betaFast, double betaSlow) {
        double low = Math.max(Math.floor(yarnCorrectionDim(betaFast, d, base, originalContext)), 0);
        double high = Math.min(Math.ceil(yarnCorrectionDim(betaSlow, d, base, originalContext)), d - 1);
        if (low == high) {
            high += 0.001;
        }
        double[] extrapolation = plain(base, d);
        double[] inverse = new double[d / 2];
        for (int i = 0; i < d / 2; i++) {
            double ramp = Math.min(1, Math.max(0, (i - low) / (high - low)));
            double extrapolationFactor = 1 - ramp;
            double interpolation = extrapolation[i] / factor;
            inverse[i] = interpolation * (1 - extrapolationFactor) + extrapolation[i] * extrapolationFactor;
        }
        return inverse;
    }

    /** The YaRN paper's attention factor (transformers' {@code get_mscale}): {@code 0.1 ln(s) + 1}. */
    static double yarnAttentionFactor(double factor) {
        return factor <= 1 ? 1 : 0.1 * Math.log(factor) + 1;
    }
}
