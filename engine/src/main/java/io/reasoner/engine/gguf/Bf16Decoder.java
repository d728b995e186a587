package io.reasoner.engine.gguf;

import io.reasoner.engine.weights.HalfFloats;
import java.nio.ByteBuffer;
import java.nio.ShortBuffer;

/** bfloat16, the upper 16 bits of a float; widening is exact (see {@link HalfFloats#bf16ToFloat}). */
final class Bf16Decoder implements TensorDecoder {

    @Override
    public void decode(ByteBuffer source, float[] target) {
        ShortBuffer halves = source.asShortBuffer();
        for (int i = 0; i < target.length; i++) {
            target[i] = HalfFloats.bf16ToFloat(halves.get(i));
        }
    }
}
