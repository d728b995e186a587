package io.reasoner.engine.weights;

import java.util.Arrays;
import java.util.Objects;

/**
 * A tensor as a model file stores it, before it is decoded.
 *
 * @param shape    row-major sizes, slowest first (what PyTorch calls the shape): a {@code Linear} weight is
 *                 {@code [out, in]}; empty for a scalar
 * @param dtype    the storage type as the file names it ({@code F32}, {@code F16}, {@code BF16}, {@code Q8_0}, ...)
 * @param byteSize bytes the tensor takes in the file
 */
public record StoredTensor(String name, long[] shape, String dtype, long byteSize) {

    public StoredTensor {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(dtype, "dtype");
        shape = shape.clone();
        for (long dim : shape) {
            if (dim < 0) {
                throw new IllegalArgumentException("tensor '" + name + "' has shape " + Arrays.toString(shape)
                        + "; every dim must be >= 0");
            }
        }
        if (byteSize < 0) {
            throw new IllegalArgumentException("tensor '" + name + "' byteSize must be >= 0, was " + byteSize);
        }
    }

    @Override
    public long[] shape() {
        return shape.clone();
    }

    public long elementCount() {
        long count = 1;
        for (long dim : shape) {
            count = Math.multiplyExact(count, dim);
        }
        return count;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredTensor that && name.equals(that.name) && Arrays.equals(shape, that.shape)
                && dtype.equals(that.dtype) && byteSize == that.byteSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(name, Arrays.hashCode(shape), dtype, byteSize);
    }

    @Override
    public String toString() {
        return name + Arrays.toString(shape) + " " + dtype;
    }
}
