package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Checks the matrix form of RoPE against the textbook pairwise rotation, written out by hand. */
class RopeTest {

    private static final int HEAD_DIM = 6;
    private static final float BASE = 10_000f;
    private static NDManager manager;

    @BeforeAll
    static void startEngine() {
        manager = TorchRuntime.newManager(0);
    }

    @AfterAll
    static void closeEngine() {
        manager.close();
    }

    @Test
    void interleavedLayout_rotatesAdjacentPairs_andPassesTheRestThrough() {
        float[] x = {1, 2, 3, 4, 5, 6};
        int position = 3;
        float[] rotated = apply(new Rope(4, HEAD_DIM, BASE, RopeLayout.INTERLEAVED, 1, 2, DataType.FLOAT32, manager), x, position);

        double theta0 = position;                            // base^(0/4) = 1
        double theta1 = position * Math.pow(BASE, -2.0 / 4); // second pair
        assertPair(rotated, 0, 1, x, theta0);
        assertPair(rotated, 2, 3, x, theta1);
        assertThat(rotated[4]).isEqualTo(5f);
        assertThat(rotated[5]).isEqualTo(6f);
    }

    @Test
    void neoxLayout_rotatesDimensionIWithIPlusHalf() {
        float[] x = {1, 2, 3, 4, 5, 6};
        int position = 5;
        float[] rotated = apply(new Rope(4, HEAD_DIM, BASE, RopeLayout.NEOX, 1, 2, DataType.FLOAT32, manager), x, position);

        assertPair(rotated, 0, 2, x, position);
        assertPair(rotated, 1, 3, x, position * Math.pow(BASE, -2.0 / 4));
        assertThat(rotated[4]).isEqualTo(5f);
        assertThat(rotated[5]).isEqualTo(6f);
    }

    @Test
    void positionZero_isTheIdentity() {
        float[] x = {1, -2, 3, -4, 5, -6};

        assertThat(apply(new Rope(HEAD_DIM, HEAD_DIM, BASE, RopeLayout.INTERLEAVED, 1, 2, DataType.FLOAT32, manager), x, 0))
                .containsExactly(x);
    }

    @Test
    void headsAfterTheRotatedOnes_passThrough() {
        float[] x = {1, 2, 3, 4, 5, 6};

        float[] both = applyToTwoHeads(new Rope(HEAD_DIM, HEAD_DIM, BASE, RopeLayout.INTERLEAVED, 1, 2, DataType.FLOAT32, manager),
                x, 7);

        assertThat(Arrays.copyOfRange(both, 0, HEAD_DIM)).isNotEqualTo(x);
        assertThat(Arrays.copyOfRange(both, HEAD_DIM, 2 * HEAD_DIM)).containsExactly(x);
    }

    /** Rotates one token with two heads holding the same values (only the first is rotated); returns head 0. */
    private static float[] apply(Rope rope, float[] head, int position) {
        return Arrays.copyOfRange(applyToTwoHeads(rope, head, position), 0, HEAD_DIM);
    }

    private static float[] applyToTwoHeads(Rope rope, float[] head, int position) {
        float[] heads = new float[2 * HEAD_DIM];
        System.arraycopy(head, 0, heads, 0, HEAD_DIM);
        System.arraycopy(head, 0, heads, HEAD_DIM, HEAD_DIM);
        try (NDManager step = manager.newSubManager()) {
            NDArray x = step.create(heads, new Shape(1, 2, HEAD_DIM));
            return rope.apply(x, rope.angles(step, position, 1)).toFloatArray();
        }
    }

    private static void assertPair(float[] rotated, int i, int j, float[] x, double theta) {
        double expectedI = x[i] * Math.cos(theta) - x[j] * Math.sin(theta);
        double expectedJ = x[i] * Math.sin(theta) + x[j] * Math.cos(theta);
        assertThat((double) rotated[i]).isCloseTo(expectedI, within(1e-5));
        assertThat((double) rotated[j]).isCloseTo(expectedJ, within(1e-5));
    }
}
