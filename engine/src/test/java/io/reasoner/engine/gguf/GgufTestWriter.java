package io.reasoner.engine.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes small GGUF files for tests, byte by byte per the specification (independent of the parser). Public so
 * that model tests can write whole tiny models.
 */
public final class GgufTestWriter {

    private record Tensor(String name, long[] dims, GgmlType type, byte[] data) {
    }

    private final int version;
    private final int alignment;
    private final List<byte[]> metadata = new ArrayList<>();
    private final List<Tensor> tensors = new ArrayList<>();

    public GgufTestWriter(int version, int alignment) {
        this.version = version;
        this.alignment = alignment;
    }

    public GgufTestWriter string(String key, String value) {
        return entry(key, GgufValueType.STRING, stringBytes(value));
    }

    public GgufTestWriter uint32(String key, int value) {
        return entry(key, GgufValueType.UINT32, le(4).putInt(value).array());
    }

    public GgufTestWriter int8(String key, byte value) {
        return entry(key, GgufValueType.INT8, new byte[] {value});
    }

    public GgufTestWriter uint16(String key, short value) {
        return entry(key, GgufValueType.UINT16, le(2).putShort(value).array());
    }

    public GgufTestWriter uint64(String key, long value) {
        return entry(key, GgufValueType.UINT64, le(8).putLong(value).array());
    }

    public GgufTestWriter float32(String key, float value) {
        return entry(key, GgufValueType.FLOAT32, le(4).putFloat(value).array());
    }

    public GgufTestWriter float64(String key, double value) {
        return entry(key, GgufValueType.FLOAT64, le(8).putDouble(value).array());
    }

    public GgufTestWriter bool(String key, boolean value) {
        return entry(key, GgufValueType.BOOL, new byte[] {(byte) (value ? 1 : 0)});
    }

    public GgufTestWriter stringArray(String key, String... values) {
        ByteArrayOutputStream out = arrayHeader(GgufValueType.STRING, values.length);
        for (String value : values) {
            out.writeBytes(stringBytes(value));
        }
        return entry(key, GgufValueType.ARRAY, out.toByteArray());
    }

    public GgufTestWriter int32Array(String key, int... values) {
        ByteArrayOutputStream out = arrayHeader(GgufValueType.INT32, values.length);
        for (int value : values) {
            out.writeBytes(le(4).putInt(value).array());
        }
        return entry(key, GgufValueType.ARRAY, out.toByteArray());
    }

    public GgufTestWriter float32Array(String key, float... values) {
        ByteArrayOutputStream out = arrayHeader(GgufValueType.FLOAT32, values.length);
        for (float value : values) {
            out.writeBytes(le(4).putFloat(value).array());
        }
        return entry(key, GgufValueType.ARRAY, out.toByteArray());
    }

    public GgufTestWriter f32Tensor(String name, long[] dims, float... values) {
        ByteBuffer data = le(4 * values.length);
        for (float value : values) {
            data.putFloat(value);
        }
        tensors.add(new Tensor(name, dims, GgmlType.F32, data.array()));
        return this;
    }

    public GgufTestWriter f16Tensor(String name, long[] dims, short... halves) {
        ByteBuffer data = le(2 * halves.length);
        for (short half : halves) {
            data.putShort(half);
        }
        tensors.add(new Tensor(name, dims, GgmlType.F16, data.array()));
        return this;
    }

    /** A tensor given in row-major shape (PyTorch order), encoded as {@code type} (see {@link TensorEncodings}). */
    public GgufTestWriter tensor(String name, long[] rowMajorShape, GgmlType type, float[] values) {
        long[] dims = new long[rowMajorShape.length];
        for (int i = 0; i < dims.length; i++) {
            dims[i] = rowMajorShape[dims.length - 1 - i];
        }
        return rawTensor(name, dims, type, TensorEncodings.encode(type, values));
    }

    public GgufTestWriter rawTensor(String name, long[] dims, GgmlType type, byte[] data) {
        tensors.add(new Tensor(name, dims, type, data));
        return this;
    }

    public byte[] toBytes() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(4).putInt(0x46554747).array()); // "GGUF"
        out.writeBytes(le(4).putInt(version).array());
        out.writeBytes(le(8).putLong(tensors.size()).array());
        out.writeBytes(le(8).putLong(metadata.size()).array());
        metadata.forEach(out::writeBytes);
        long offset = 0;
        for (Tensor tensor : tensors) {
            out.writeBytes(stringBytes(tensor.name()));
            out.writeBytes(le(4).putInt(tensor.dims().length).array());
            for (long dim : tensor.dims()) {
                out.writeBytes(le(8).putLong(dim).array());
            }
            out.writeBytes(le(4).putInt(tensor.type().id()).array());
            out.writeBytes(le(8).putLong(offset).array());
            offset = pad(offset + tensor.data().length);
        }
        pad(out);
        for (Tensor tensor : tensors) {
            out.writeBytes(tensor.data());
            pad(out);
        }
        return out.toByteArray();
    }

    public Path writeTo(Path file) throws IOException {
        Files.write(file, toBytes());
        return file;
    }

    private long pad(long offset) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    private void pad(ByteArrayOutputStream out) {
        out.writeBytes(new byte[(int) (pad(out.size()) - out.size())]);
    }

    private GgufTestWriter entry(String key, GgufValueType type, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(stringBytes(key));
        out.writeBytes(le(4).putInt(type.id()).array());
        out.writeBytes(value);
        metadata.add(out.toByteArray());
        return this;
    }

    private static ByteArrayOutputStream arrayHeader(GgufValueType elementType, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(4).putInt(elementType.id()).array());
        out.writeBytes(le(8).putLong(count).array());
        return out;
    }

    private static byte[] stringBytes(String value) {
        byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
        return le(8 + utf8.length).putLong(utf8.length).put(utf8).array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
