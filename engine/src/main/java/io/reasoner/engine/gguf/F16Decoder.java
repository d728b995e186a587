package io.reasoner.engine.gguf;

import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

/** IEEE 754 half precision (1 sign, 5 exponent, 10 mantissa bits) to float; Java 17 has no Float.float16ToFloat. */
final class F16Decoder implements TensorDecoder {

    @Override
    public void decode(ByteBuffer source, float[] target) {
        ShortBuffer halves = source.asShortBuffer();
        for (int i = 0; i < target.length; i++) {
            target[i] = toFloat(halves.get(i));
        }
    }

    static float toFloat(short half) {
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
}
