package io.reasoner.engine.gguf;

import io.reasoner.engine.weights.FloatEncodings;
import io.reasoner.engine.weights.HalfFloats;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Encodes floats as GGUF tensor data for test writers, following ggml's reference quantizer
 * ({@code quantize_row_q8_0_ref}) for Q8_0: per block of 32, {@code d = max|x| / 127} stored as F16, and
 * {@code q = roundf(x / d)} computed with the unrounded {@code d}.
 */
public final class TensorEncodings {

    private TensorEncodings() {
    }

    public static byte[] encode(GgmlType type, float[] values) {
        return switch (type) {
            case F32 -> {
                ByteBuffer out = le(4 * values.length);
                for (float value : values) {
                    out.putFloat(value);
                }
                yield out.array();
            }
            case F16, BF16 -> {
                ByteBuffer out = le(2 * values.length);
                for (float value : values) {
                    out.putShort(type == GgmlType.F16 ? FloatEncodings.f16(value) : FloatEncodings.bf16(value));
                }
                yield out.array();
            }
            case Q8_0 -> q8_0(values);
            default -> throw new IllegalArgumentException("cannot encode " + type);
        };
    }

    /** The values a Q8_0 decoder must produce for {@code values}: F16-rounded scale times the int8 codes. */
    public static float[] q8_0Dequantized(float[] values) {
        ByteBuffer blocks = ByteBuffer.wrap(q8_0(values)).order(ByteOrder.LITTLE_ENDIAN);
        float[] expected = new float[values.length];
        for (int block = 0; block < values.length / 32; block++) {
            float scale = HalfFloats.f16ToFloat(blocks.getShort(block * 34));
            for (int i = 0; i < 32; i++) {
                expected[block * 32 + i] = scale * blocks.get(block * 34 + 2 + i);
            }
        }
        return expected;
    }

    private static byte[] q8_0(float[] values) {
        if (values.length % 32 != 0) {
            throw new IllegalArgumentException("Q8_0 needs whole blocks of 32, had " + values.length);
        }
        ByteBuffer out = le(values.length / 32 * 34);
        for (int block = 0; block < values.length / 32; block++) {
            float max = 0;
            for (int i = 0; i < 32; i++) {
                max = Math.max(max, Math.abs(values[block * 32 + i]));
            }
            float scale = max / 127;
            float inverse = scale == 0 ? 0 : 1 / scale;
            out.putShort(FloatEncodings.f16(scale));
            for (int i = 0; i < 32; i++) {
                float scaled = values[block * 32 + i] * inverse;
                out.put((byte) (Math.signum(scaled) * Math.round(Math.abs(scaled)))); // C roundf: half away from 0
            }
        }
        return out.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
