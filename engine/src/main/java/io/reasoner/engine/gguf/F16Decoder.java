package io.reasoner.engine.gguf;

import io.reasoner.engine.weights.HalfFloats;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

/** IEEE 754 half precision (1 sign, 5 exponent, 10 mantissa bits) to float; see {@link HalfFloats#f16ToFloat}. */
final class F16Decoder implements TensorDecoder {

    @Override
    public void decode(ByteBuffer source, float[] target) {
        ShortBuffer halves = source.asShortBuffer();
        for (int i = 0; i < target.length; i++) {
            target[i] = toFloat(halves.get(i));
        }
    }

    static float toFloat(short half) {
        return HalfFloats.f16ToFloat(half);
    }
}
