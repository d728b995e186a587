package io.reasoner.engine.weights;

import java.nio.ByteBuffer;
import java.util.Optional;

/**
 * Element types of the safetensors format with their widths, so the reader can check the size of every tensor,
 * including ones it cannot decode. Only the float types decode: integer and 8-bit float tensors do not hold the
 * weights of the models this engine runs.
 */
enum SafetensorsDtype {
    F64(8), F32(4), F16(2), BF16(2), F8_E4M3(1), F8_E5M2(1),
    I64(8), I32(4), I16(2), I8(1), U64(8), U32(4), U16(2), U8(1), BOOL(1);

    static final String DECODABLE = "F32, F16, BF16";

    private final int width;

    SafetensorsDtype(int width) {
        this.width = width;
    }

    int width() {
        return width;
    }

    static Optional<SafetensorsDtype> of(String name) {
        for (SafetensorsDtype dtype : values()) {
            if (dtype.name().equals(name)) {
                return Optional.of(dtype);
            }
        }
        return Optional.empty();
    }

    boolean decodable() {
        return this == F32 || this == F16 || this == BF16;
    }

    /** Decodes {@code count} little-endian elements from {@code source} into {@code target[offset...]}. */
    void decode(ByteBuffer source, float[] target, int offset, int count) {
        switch (this) {
            case F32 -> source.asFloatBuffer().get(target, offset, count);
            case F16 -> {
                for (int i = 0; i < count; i++) {
                    target[offset + i] = HalfFloats.f16ToFloat(source.getShort(2 * i));
                }
            }
            case BF16 -> {
                for (int i = 0; i < count; i++) {
                    target[offset + i] = HalfFloats.bf16ToFloat(source.getShort(2 * i));
                }
            }
            default -> throw new IllegalStateException(this + " does not decode to float");
        }
    }
}
