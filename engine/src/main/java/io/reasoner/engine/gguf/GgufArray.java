package io.reasoner.engine.gguf;

import java.util.Objects;

/**
 * A metadata array value. {@code values} is a primitive array chosen to hold the element type without loss:
 * {@code int[]} for 8, 16 and signed 32-bit integers, {@code long[]} for UINT32 and 64-bit integers,
 * {@code float[]}, {@code double[]}, {@code boolean[]}, {@code String[]}, or {@code GgufArray[]} for nested arrays.
 */
public record GgufArray(GgufValueType elementType, Object values) {

    public GgufArray {
        Objects.requireNonNull(elementType, "elementType");
        Objects.requireNonNull(values, "values");
        if (!values.getClass().isArray()) {
            throw new IllegalArgumentException("values must be an array, was " + values.getClass().getName());
        }
    }

    public int length() {
        return java.lang.reflect.Array.getLength(values);
    }
}
