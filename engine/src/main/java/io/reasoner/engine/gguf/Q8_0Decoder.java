package io.reasoner.engine.gguf;

import io.reasoner.engine.weights.HalfFloats;
import java.nio.ByteBuffer;

/**
 * GGML's Q8_0: blocks of 32 weights, each stored as one F16 scale {@code d} followed by 32 signed bytes
 * {@code q[i]}, 34 bytes in all; weight i is {@code d * q[i]}. The quantizer picks {@code d = max|x| / 127}, so the
 * error is at most half a step, {@code d / 2}, per weight.
 */
final class Q8_0Decoder implements TensorDecoder {

    static final int BLOCK = 32;
    static final int BLOCK_BYTES = 2 + BLOCK;

    @Override
    public void decode(ByteBuffer source, float[] target) {
        if (target.length % BLOCK != 0) {
            throw new GgufFormatException("Q8_0 holds whole blocks of " + BLOCK + " elements, asked for "
                    + target.length);
        }
        int base = source.position();
        for (int block = 0; block < target.length / BLOCK; block++) {
            int at = base + block * BLOCK_BYTES;
            float scale = HalfFloats.f16ToFloat(source.getShort(at));
            for (int i = 0; i < BLOCK; i++) {
                target[block * BLOCK + i] = scale * source.get(at + 2 + i);
            }
        }
    }
}
