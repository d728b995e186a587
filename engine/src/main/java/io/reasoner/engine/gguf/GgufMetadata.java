package io.reasoner.engine.gguf;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The metadata key/values of a GGUF file, with typed accessors.
 *
 * <p>Scalars are held as {@code Integer} (8, 16 and signed 32-bit ints; unsigned ones widened), {@code Long}
 * (UINT32, 64-bit ints), {@code Float}, {@code Double}, {@code Boolean} or {@code String}; arrays as
 * {@link GgufArray}. Numeric accessors accept any integer width as long as the value fits, because writers are not
 * consistent (the same key is UINT32 in one file and INT32 in another).
 */
public final class GgufMetadata {

    private final Map<String, Object> values;

    public GgufMetadata(Map<String, Object> values) {
        this.values = Collections.unmodifiableMap(new LinkedHashMap<>(values));
    }

    public Set<String> keys() {
        return values.keySet();
    }

    public boolean contains(String key) {
        return values.containsKey(key);
    }

    /** The raw value (see the class comment for its Java type), if present. */
    public Optional<Object> find(String key) {
        return Optional.ofNullable(values.get(key));
    }

    public String getString(String key) {
        return as(key, String.class, require(key));
    }

    public Optional<String> findString(String key) {
        return find(key).map(value -> as(key, String.class, value));
    }

    public int getInt(String key) {
        return toInt(key, require(key));
    }

    public OptionalInt findInt(String key) {
        Object value = values.get(key);
        return value == null ? OptionalInt.empty() : OptionalInt.of(toInt(key, value));
    }

    public long getLong(String key) {
        return as(key, Number.class, require(key)).longValue();
    }

    public float getFloat(String key) {
        return as(key, Number.class, require(key)).floatValue();
    }

    public Optional<Float> findFloat(String key) {
        return find(key).map(value -> as(key, Number.class, value).floatValue());
    }

    public Optional<Boolean> findBoolean(String key) {
        return find(key).map(value -> as(key, Boolean.class, value));
    }

    public GgufArray getArray(String key) {
        return as(key, GgufArray.class, require(key));
    }

    public List<String> getStringArray(String key) {
        return List.of(arrayOf(key, GgufValueType.STRING, String[].class));
    }

    public float[] getFloatArray(String key) {
        GgufArray array = getArray(key);
        if (array.values() instanceof float[] floats) {
            return floats.clone();
        }
        if (array.values() instanceof double[] doubles) {
            float[] floats = new float[doubles.length];
            for (int i = 0; i < doubles.length; i++) {
                floats[i] = (float) doubles[i];
            }
            return floats;
        }
        throw wrongType(key, "a float array", array.elementType() + " array");
    }

    /** An integer array of any element width; values outside the int range are rejected. */
    public int[] getIntArray(String key) {
        GgufArray array = getArray(key);
        if (array.values() instanceof int[] ints) {
            return ints.clone();
        }
        if (array.values() instanceof long[] longs) {
            int[] ints = new int[longs.length];
            for (int i = 0; i < longs.length; i++) {
                ints[i] = toInt(key, longs[i]);
            }
            return ints;
        }
        throw wrongType(key, "an integer array", array.elementType() + " array");
    }

    private <T> T arrayOf(String key, GgufValueType elementType, Class<T> javaType) {
        GgufArray array = getArray(key);
        if (array.elementType() != elementType) {
            throw wrongType(key, elementType + " array", array.elementType() + " array");
        }
        return javaType.cast(array.values());
    }

    private Object require(String key) {
        Object value = values.get(key);
        if (value == null) {
            throw new GgufFormatException("metadata key '" + key + "' is missing");
        }
        return value;
    }

    private static int toInt(String key, Object value) {
        long asLong = as(key, Number.class, value).longValue();
        if (value instanceof Float || value instanceof Double || asLong != (int) asLong) {
            throw new GgufFormatException("metadata key '" + key + "' must be an int, was " + value);
        }
        return (int) asLong;
    }

    private static <T> T as(String key, Class<T> type, Object value) {
        if (!type.isInstance(value)) {
            throw wrongType(key, type.getSimpleName(), value.getClass().getSimpleName());
        }
        return type.cast(value);
    }

    private static GgufFormatException wrongType(String key, String expected, String actual) {
        return new GgufFormatException("metadata key '" + key + "' must be " + expected + ", was " + actual);
    }

    @Override
    public String toString() {
        return "GgufMetadata" + values.keySet();
    }
}
