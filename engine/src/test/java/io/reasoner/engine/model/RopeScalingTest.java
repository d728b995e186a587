package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

/**
 * The engine's scaled inverse frequencies against {@link RopeFormulas} (the published formulas, written out in the
 * test) and against numbers worked by hand, for a head small enough to cover every regime of each rule.
 */
class RopeScalingTest {

    private static final int D = 16;

    @Test
    void linear_dividesEveryInverseFrequencyByTheFactor() {
        double[] actual = new RopeScaling.Linear(4).inverseFrequencies(10_000, D);

        assertClose(actual, RopeFormulas.linear(10_000, D, 4));
        assertThat(actual[0]).isCloseTo(0.25, within(1e-12));
    }

    @Test
    void llama3_keepsHighFrequencies_dividesLowOnes_andBlendsTheMiddle() {
        // Original context 32: wavelengths under 32 / 4 = 8 kept, over 32 / 1 divided by 8, between blended.
        double[] actual = new RopeScaling.Llama3(8, 1, 4, 32).inverseFrequencies(10_000, D);
        double[] plain = RopeFormulas.plain(10_000, D);

        assertClose(actual, RopeFormulas.llama3(10_000, D, 8, 1, 4, 32));
        assertThat(actual[0]).isEqualTo(plain[0]);                        // wavelength 6.3: kept
        // Pair 1: f = 10^(-1/2), wavelength 19.87, smooth = (32 / 19.87 - 1) / 3 = 0.20351.
        assertThat(actual[1]).isCloseTo(0.316228 * (0.79649 / 8 + 0.20351), within(1e-5));
        assertThat(actual[7]).isCloseTo(plain[7] / 8, within(1e-15));    // wavelength 19869: divided
    }

    @Test
    void llama3AsGgufFrequencyFactors_givesTheSameFrequenciesAsFromItsParameters() {
        float[] factors = RopeFormulas.llama3GgufFactors(500_000, D, 32, 1, 4, 8192);

        double[] fromTensor = new RopeScaling.FrequencyFactors(factors).inverseFrequencies(500_000, D);

        assertClose(fromTensor, new RopeScaling.Llama3(32, 1, 4, 8192).inverseFrequencies(500_000, D), 1e-7);
        assertThat(factors).contains(1f, 32f);
    }

    @Test
    void yarn_keepsFastPairs_interpolatesSlowOnes_andRampsBetweenTheCorrectionDims() {
        // d ln(4096 / (2 pi beta)) / (2 ln 10^4): 2.62 for beta 32, 5.63 for beta 1, so the ramp runs from 2 to 6.
        assertThat(RopeFormulas.yarnCorrectionDim(32, D, 10_000, 4096)).isCloseTo(2.618, within(1e-3));
        assertThat(RopeFormulas.yarnCorrectionDim(1, D, 10_000, 4096)).isCloseTo(5.628, within(1e-3));
        RopeScaling.Yarn yarn = new RopeScaling.Yarn(4, 4096, 32, 1, RopeScaling.Yarn.defaultAttentionFactor(4), true);

        double[] actual = yarn.inverseFrequencies(10_000, D);
        double[] plain = RopeFormulas.plain(10_000, D);

        assertClose(actual, RopeFormulas.yarn(10_000, D, 4, 4096, 32, 1));
        assertThat(actual[2]).isEqualTo(plain[2]);                             // below the ramp: unscaled
        assertThat(actual[4]).isCloseTo(0.625 * plain[4], within(1e-15));      // half-way: (1/4 + 1) / 2
        assertThat(actual[6]).isCloseTo(plain[6] / 4, within(1e-15));          // above it: interpolated
        assertThat(yarn.attentionFactor()).isCloseTo(1 + 0.1 * Math.log(4), within(1e-15));
    }

    @Test
    void rope_rotatesByTheScaledFrequency_andScalesCosAndSinByTheAttentionFactor() {
        RopeScaling.Yarn yarn = new RopeScaling.Yarn(4, 4096, 32, 1, 1.25, true);
        double[] inverse = RopeFormulas.yarn(10_000, D, 4, 4096, 32, 1);
        float[] x = new float[D];
        for (int i = 0; i < D; i++) {
            x[i] = i + 1;
        }
        int position = 9;

        float[] rotated;
        try (NDManager manager = TorchRuntime.newManager(0)) {
            Rope rope = new Rope(D, D, 10_000, yarn, RopeLayout.NEOX, 1, 1, DataType.FLOAT32, manager);
            NDArray heads = manager.create(x, new Shape(1, 1, D));
            rotated = rope.apply(heads, rope.angles(manager, position, 1)).toFloatArray();
        }

        for (int i = 0; i < D / 2; i++) {
            double theta = position * inverse[i];
            double first = 1.25 * (x[i] * Math.cos(theta) - x[i + D / 2] * Math.sin(theta));
            double second = 1.25 * (x[i] * Math.sin(theta) + x[i + D / 2] * Math.cos(theta));
            assertThat((double) rotated[i]).as("dim %d", i).isCloseTo(first, within(1e-4));
            assertThat((double) rotated[i + D / 2]).as("dim %d", i + D / 2).isCloseTo(second, within(1e-4));
        }
    }

    @Test
    void frequencyFactors_mustBePositive_andOnePerRotatedPair() {
        assertThatThrownBy(() -> new ModelConfig(Architecture.LLAMA, 64, 1, 4, 4, 16, 128, 64, 300, 1e-5f, 1e4f,
                16, RopeLayout.INTERLEAVED, new RopeScaling.FrequencyFactors(new float[4])))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("factors[0] must be finite and > 0, was 0.0");
        assertThatThrownBy(() -> new ModelConfig(Architecture.LLAMA, 64, 1, 4, 4, 16, 128, 64, 300, 1e-5f, 1e4f,
                16, RopeLayout.INTERLEAVED, new RopeScaling.FrequencyFactors(new float[] {1, 2, 3, 4})))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ropeScaling must hold one frequency factor per rotated pair (8), had 4");
    }

    private static void assertClose(double[] actual, double[] expected) {
        assertClose(actual, expected, 1e-12);
    }

    private static void assertClose(double[] actual, double[] expected, double relative) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("pair %d", i).isCloseTo(expected[i], within(relative * expected[i]));
        }
    }
}
