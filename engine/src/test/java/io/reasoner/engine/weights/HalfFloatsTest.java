package io.reasoner.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HalfFloatsTest {

    @Test
    void bf16_isTheUpperHalfOfAFloat() {
        assertThat(HalfFloats.bf16ToFloat((short) 0x3F80)).isEqualTo(1f);
        assertThat(HalfFloats.bf16ToFloat((short) 0xC040)).isEqualTo(-3f);
        assertThat(HalfFloats.bf16ToFloat((short) 0x3E20)).isEqualTo(0.15625f);
        assertThat(HalfFloats.bf16ToFloat((short) 0x7F80)).isEqualTo(Float.POSITIVE_INFINITY);
        assertThat(HalfFloats.bf16ToFloat((short) 0x7FC0)).isNaN();
        assertThat(HalfFloats.bf16ToFloat((short) 0x0001)).isEqualTo(Float.intBitsToFloat(0x10000)); // subnormal
    }

    @Test
    void bf16_keepsTheFloatRangeButOnly8SignificantBits() {
        assertThat(HalfFloats.bf16ToFloat(FloatEncodings.bf16(3e38f))).isCloseTo(3e38f,
                org.assertj.core.data.Percentage.withPercentage(0.4));
        assertThat(FloatEncodings.roundToBf16(1 + 0x1p-9f)).isEqualTo(1f); // below half an ulp (2^-8)
        assertThat(FloatEncodings.roundToBf16(1 + 0x1p-7f)).isEqualTo(1 + 0x1p-7f);
    }

    @Test
    void encodingsAndDecodings_roundTripEvery16BitPattern() {
        for (int bits = 0; bits < 0x10000; bits++) {
            short pattern = (short) bits;
            float f16 = HalfFloats.f16ToFloat(pattern);
            float bf16 = HalfFloats.bf16ToFloat(pattern);
            if (!Float.isNaN(f16)) {
                assertThat(FloatEncodings.f16(f16)).as("f16 0x%04X", bits).isEqualTo(pattern);
            }
            if (!Float.isNaN(bf16)) {
                assertThat(FloatEncodings.bf16(bf16)).as("bf16 0x%04X", bits).isEqualTo(pattern);
            }
        }
    }

    @Test
    void f16Rounding_staysWithinHalfAnUlpOfRandomValues() {
        SplittableRandom random = new SplittableRandom(7);
        for (int i = 0; i < 10_000; i++) {
            float value = (float) random.nextDouble(-100, 100);
            float rounded = FloatEncodings.roundToF16(value);
            assertThat(Math.abs(rounded - value)).isLessThanOrEqualTo(Math.ulp(rounded) * 0x1p13f / 2);
        }
    }
}
