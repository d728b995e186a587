package io.reasoner.engine.weights;

/**
 * Conversions from the two 16-bit float formats that model files store to {@code float}; Java 17 has neither
 * {@code Float.float16ToFloat} nor a bfloat16 type.
 */
public final class HalfFloats {

    private HalfFloats() {
    }

    /** IEEE 754 half precision: 1 sign, 5 exponent (bias 15), 10 mantissa bits. Exact: every half is a float. */
    public static float f16ToFloat(short half) {
        int bits = half & 0xFFFF;
        int sign = (bits & 0x8000) << 16;
        int exponent = (bits >>> 10) & 0x1F;
        int mantissa = bits & 0x3FF;
        if (exponent == 0x1F) {
            // Infinity or NaN: all-ones float exponent, mantissa carried over (keeps NaN payloads non-zero).
            return Float.intBitsToFloat(sign | 0x7F800000 | (mantissa << 13));
        }
        if (exponent == 0) {
            // Zero or subnormal: value = mantissa * 2^-24 exactly, which a float represents as a normal number.
            float magnitude = mantissa * 0x1p-24f;
            return sign == 0 ? magnitude : -magnitude;
        }
        // Normal: rebias the exponent from 15 to 127 and widen the mantissa from 10 to 23 bits.
        return Float.intBitsToFloat(sign | ((exponent - 15 + 127) << 23) | (mantissa << 13));
    }

    /**
     * bfloat16: the upper half of a float (1 sign, 8 exponent, 7 mantissa bits), so widening is a 16-bit shift;
     * exact, and NaN and infinity carry over.
     */
    public static float bf16ToFloat(short bf16) {
        return Float.intBitsToFloat((bf16 & 0xFFFF) << 16);
    }
}
