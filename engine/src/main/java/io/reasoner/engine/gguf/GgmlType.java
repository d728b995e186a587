package io.reasoner.engine.gguf;

/**
 * GGML tensor element types with their block layout, numbered as in ggml.h.
 *
 * <p>Quantised types store {@code blockSize} elements in {@code bytesPerBlock} bytes; plain types have a block of
 * one element. Knowing the layout of every type lets the reader validate the tensor table of any file, even one
 * whose tensors it cannot decode.
 */
public enum GgmlType {
    F32(0, 1, 4),
    F16(1, 1, 2),
    Q4_0(2, 32, 18),
    Q4_1(3, 32, 20),
    Q5_0(6, 32, 22),
    Q5_1(7, 32, 24),
    Q8_0(8, 32, 34),
    Q8_1(9, 32, 36),
    Q2_K(10, 256, 84),
    Q3_K(11, 256, 110),
    Q4_K(12, 256, 144),
    Q5_K(13, 256, 176),
    Q6_K(14, 256, 210),
    Q8_K(15, 256, 292),
    I8(24, 1, 1),
    I16(25, 1, 2),
    I32(26, 1, 4),
    I64(27, 1, 8),
    F64(28, 1, 8),
    BF16(30, 1, 2);

    private final int id;
    private final int blockSize;
    private final int bytesPerBlock;

    GgmlType(int id, int blockSize, int bytesPerBlock) {
        this.id = id;
        this.blockSize = blockSize;
        this.bytesPerBlock = bytesPerBlock;
    }

    public int id() {
        return id;
    }

    public int blockSize() {
        return blockSize;
    }

    /** Bytes taken by {@code elementCount} elements; the count must be a whole number of blocks. */
    public long byteSize(long elementCount) {
        if (elementCount % blockSize != 0) {
            throw new GgufFormatException(this + " stores elements in blocks of " + blockSize
                    + ", but the tensor has " + elementCount + " elements");
        }
        return elementCount / blockSize * bytesPerBlock;
    }

    static GgmlType fromId(int id) {
        for (GgmlType type : values()) {
            if (type.id == id) {
                return type;
            }
        }
        throw new GgufFormatException("unknown GGML tensor type " + id);
    }
}
