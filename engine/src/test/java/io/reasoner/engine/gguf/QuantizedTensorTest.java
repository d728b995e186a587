package io.reasoner.engine.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.weights.FloatEncodings;
import io.reasoner.engine.weights.StoredTensor;
import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** BF16 and Q8_0 tensors decode to the values computed here from the encoding rules, not from the decoders. */
class QuantizedTensorTest {

    @TempDir
    Path dir;

    @Test
    void bf16Tensor_decodesToTheRoundedFloats() throws IOException {
        float[] values = randomValues(96, 1);
        Path path = new GgufTestWriter(3, 32).tensor("w", new long[] {3, 32}, GgmlType.BF16, values)
                .writeTo(dir.resolve("bf16.gguf"));

        try (GgufFile file = GgufFile.open(path)) {
            GgufTensorInfo tensor = file.tensor("w");
            assertThat(tensor.byteSize()).isEqualTo(2 * 96);
            float[] decoded = file.readFloats(tensor);
            for (int i = 0; i < values.length; i++) {
                assertThat(decoded[i]).isEqualTo(FloatEncodings.roundToBf16(values[i]));
                assertThat(decoded[i]).isCloseTo(values[i], org.assertj.core.data.Percentage.withPercentage(0.4));
            }
        }
    }

    @Test
    void q8_0Tensor_decodesToScaleTimesCode_perBlockOf32() throws IOException {
        float[] values = randomValues(128, 2);
        values[5] = 0; // a zero inside a block
        for (int i = 64; i < 96; i++) {
            values[i] = 0; // an all-zero block, whose scale is 0
        }
        Path path = new GgufTestWriter(3, 32).tensor("w", new long[] {2, 64}, GgmlType.Q8_0, values)
                .writeTo(dir.resolve("q8.gguf"));

        try (GgufFile file = GgufFile.open(path)) {
            GgufTensorInfo tensor = file.tensor("w");
            assertThat(tensor.byteSize()).isEqualTo(4 * 34);
            float[] decoded = file.readFloats(tensor);

            assertThat(decoded).containsExactly(TensorEncodings.q8_0Dequantized(values));
            for (int block = 0; block < 4; block++) {
                float max = 0;
                for (int i = 0; i < 32; i++) {
                    max = Math.max(max, Math.abs(values[block * 32 + i]));
                }
                for (int i = block * 32; i < block * 32 + 32; i++) {
                    // half a quantization step, plus the F16 rounding of the scale times the largest code
                    assertThat(Math.abs(decoded[i] - values[i])).isLessThanOrEqualTo(max / 127 / 2 + max * 0x1p-11f);
                }
            }
            assertThat(decoded[5]).isZero();
            assertThat(decoded[70]).isZero();
        }
    }

    @Test
    void q8_0Tensor_whoseSizeIsNotWholeBlocks_isRejectedOnOpen() throws IOException {
        Path path = new GgufTestWriter(3, 32).rawTensor("w", new long[] {40}, GgmlType.Q8_0, new byte[68])
                .writeTo(dir.resolve("bad.gguf"));

        assertThatThrownBy(() -> GgufFile.open(path))
                .isInstanceOf(GgufFormatException.class)
                .hasMessage("Q8_0 stores elements in blocks of 32, but the tensor has 40 elements");
    }

    @Test
    void tensorStore_presentsRowMajorShapes_andGgmlTypeNames() throws IOException {
        float[] values = randomValues(64, 3);
        Path path = new GgufTestWriter(3, 32)
                .tensor("q", new long[] {2, 32}, GgmlType.Q8_0, values)
                .tensor("f", new long[] {4, 16}, GgmlType.F32, values)
                .writeTo(dir.resolve("store.gguf"));

        try (GgufTensorStore store = new GgufTensorStore(GgufFile.open(path))) {
            assertThat(store.format()).isEqualTo("GGUF");
            assertThat(store.tensors()).containsExactly(
                    new StoredTensor("q", new long[] {2, 32}, "Q8_0", 2 * 34),
                    new StoredTensor("f", new long[] {4, 16}, "F32", 4 * 64));
            assertThat(store.readFloats(store.find("f").orElseThrow())).containsExactly(values);
            assertThatThrownBy(() -> store.readFloats(new StoredTensor("f", new long[] {64}, "F32", 256)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static float[] randomValues(int count, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        float[] values = new float[count];
        for (int i = 0; i < count; i++) {
            values[i] = (float) random.nextGaussian() * 0.5f;
        }
        return values;
    }
}
