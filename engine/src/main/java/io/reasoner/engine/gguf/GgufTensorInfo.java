package io.reasoner.engine.gguf;

import java.util.Arrays;
import java.util.Objects;

/**
 * One entry of the tensor table.
 *
 * @param dims   sizes listed fastest-varying first, as GGUF stores them: dims {@code [in, out]} is a row-major
 *               {@code [out][in]} matrix (the PyTorch {@code Linear} weight layout)
 * @param offset byte offset of the data from the start of the (aligned) data section
 */
public record GgufTensorInfo(String name, long[] dims, GgmlType type, long offset) {

    public GgufTensorInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        dims = dims.clone();
        if (dims.length < 1 || dims.length > 4) {
            throw new GgufFormatException("tensor '" + name + "' must have 1 to 4 dims, had " + dims.length);
        }
        for (long dim : dims) {
            if (dim < 1) {
                throw new GgufFormatException("tensor '" + name + "' has dims " + Arrays.toString(dims)
                        + "; every dim must be >= 1");
            }
        }
        if (offset < 0) {
            throw new GgufFormatException("tensor '" + name + "' offset must be >= 0, was " + offset);
        }
    }

    @Override
    public long[] dims() {
        return dims.clone();
    }

    public long elementCount() {
        long count = 1;
        for (long dim : dims) {
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    public long byteSize() {
        return type.byteSize(elementCount());
    }

    /** The shape in row-major order (slowest first), i.e. {@code dims} reversed: what PyTorch calls the shape. */
    public long[] rowMajorShape() {
        long[] shape = new long[dims.length];
        for (int i = 0; i < dims.length; i++) {
            shape[i] = dims[dims.length - 1 - i];
        }
        return shape;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GgufTensorInfo that && name.equals(that.name) && Arrays.equals(dims, that.dims)
                && type == that.type && offset == that.offset;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(dims), type, offset);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(dims) + " " + type + " @" + offset;
    }
}
