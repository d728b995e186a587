package io.reasoner.engine.weights;

/**
 * Float to 16-bit encodings for test writers, rounding to nearest even as PyTorch and ggml do. Written
 * independently of the decoders they feed, which {@link HalfFloatsTest} checks against them.
 */
public final class FloatEncodings {

    private FloatEncodings() {
    }

    /** bfloat16: keep the upper 16 bits of the float, rounding the lower 16 to nearest even. */
    public static short bf16(float value) {
        int bits = Float.floatToIntBits(value);
        if (Float.isNaN(value)) {
            return (short) 0x7FC0;
        }
        int roundingBias = 0x7FFF + ((bits >>> 16) & 1);
        return (short) ((bits + roundingBias) >>> 16);
    }

    /** IEEE half: 5 exponent bits (bias 15), 10 mantissa bits; overflow gives infinity, tiny values subnormals. */
    public static short f16(float value) {
        int bits = Float.floatToIntBits(value);
        int sign = (bits >>> 16) & 0x8000;
        int magnitude = bits & 0x7FFFFFFF;
        if (magnitude >= 0x7F800000) {
            return (short) (sign | 0x7C00 | (magnitude > 0x7F800000 ? 0x200 : 0));
        }
        if (magnitude >= 0x477FF000) { // >= 65520 rounds past the largest half, 65504
            return (short) (sign | 0x7C00);
        }
        if (magnitude < 0x38800000) { // below 2^-14: a subnormal half, units of 2^-24 (exact in double)
            return (short) (sign | (int) Math.rint(Float.intBitsToFloat(magnitude) * 0x1p24));
        }
        int exponent = (magnitude >>> 23) - 127 + 15;
        int mantissa = magnitude & 0x7FFFFF;
        int half = (exponent << 10) | (mantissa >>> 13);
        int dropped = mantissa & 0x1FFF;
        if (dropped > 0x1000 || (dropped == 0x1000 && (half & 1) == 1)) {
            half++; // a carry out of the mantissa correctly bumps the exponent
        }
        return (short) (sign | half);
    }

    /** The value a float keeps after a round trip through bfloat16. */
    public static float roundToBf16(float value) {
        return HalfFloats.bf16ToFloat(bf16(value));
    }

    /** The value a float keeps after a round trip through IEEE half. */
    public static float roundToF16(float value) {
        return HalfFloats.f16ToFloat(f16(value));
    }
}
