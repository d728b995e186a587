package io.reasoner.engine.gguf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes a GGUF (version 3) file of metadata and F32 tensors, streaming each tensor's values from a generator so
 * that a model of hundreds of megabytes never has to sit in memory (see
 * {@code io.reasoner.engine.model.RandomModelWriter}). Byte layout per the GGUF specification: header, metadata,
 * tensor infos, padding to {@value #ALIGNMENT} bytes, then the tensors, each starting aligned.
 */
public final class GgufWriter {

    /** Where the next value of a tensor comes from, row-major. */
    @FunctionalInterface
    public interface Values {
        float next();
    }

    private record Tensor(String name, long[] rowMajorShape, Values values) {

        long elements() {
            long count = 1;
            for (long dim : rowMajorShape) {
                count = Math.multiplyExact(count, dim);
            }
            return count;
        }
    }

    static final int ALIGNMENT = 32;
    private static final int MAGIC = 0x46554747; // "GGUF" read as a little-endian uint32
    private static final int VERSION = 3;
    private static final int CHUNK_FLOATS = 1 << 18;

    private final ByteArrayOutputStream metadata = new ByteArrayOutputStream();
    private int metadataCount;
    private final List<Tensor> tensors = new ArrayList<>();

    public GgufWriter string(String key, String value) {
        return entry(key, GgufValueType.STRING, stringBytes(value));
    }

    public GgufWriter uint32(String key, int value) {
        return entry(key, GgufValueType.UINT32, le(4).putInt(value).array());
    }

    public GgufWriter float32(String key, float value) {
        return entry(key, GgufValueType.FLOAT32, le(4).putFloat(value).array());
    }

    public GgufWriter stringArray(String key, List<String> values) {
        ByteArrayOutputStream out = arrayHeader(GgufValueType.STRING, values.size());
        values.forEach(value -> out.writeBytes(stringBytes(value)));
        return entry(key, GgufValueType.ARRAY, out.toByteArray());
    }

    public GgufWriter int32Array(String key, int[] values) {
        ByteBuffer data = le(4 * values.length);
        for (int value : values) {
            data.putInt(value);
        }
        ByteArrayOutputStream out = arrayHeader(GgufValueType.INT32, values.length);
        out.writeBytes(data.array());
        return entry(key, GgufValueType.ARRAY, out.toByteArray());
    }

    public GgufWriter float32Array(String key, float[] values) {
        ByteBuffer data = le(4 * values.length);
        for (float value : values) {
            data.putFloat(value);
        }
        ByteArrayOutputStream out = arrayHeader(GgufValueType.FLOAT32, values.length);
        out.writeBytes(data.array());
        return entry(key, GgufValueType.ARRAY, out.toByteArray());
    }

    /** An F32 tensor of {@code rowMajorShape} (PyTorch order; GGUF stores the dims reversed), filled from values. */
    public GgufWriter f32Tensor(String name, long[] rowMajorShape, Values values) {
        tensors.add(new Tensor(name, rowMajorShape.clone(), values));
        return this;
    }

    public Path writeTo(Path file) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            byte[] header = header();
            write(channel, ByteBuffer.wrap(header));
            long position = header.length;
            for (Tensor tensor : tensors) {
                position = writeValues(channel, tensor, position);
            }
        }
        return file;
    }

    /** Everything before the tensor data, padded to the alignment. */
    private byte[] header() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(24).putInt(MAGIC).putInt(VERSION).putLong(tensors.size()).putLong(metadataCount).array());
        out.writeBytes(metadata.toByteArray());
        long offset = 0;
        for (Tensor tensor : tensors) {
            out.writeBytes(stringBytes(tensor.name()));
            long[] shape = tensor.rowMajorShape();
            ByteBuffer info = le(4 + 8 * shape.length + 4 + 8).putInt(shape.length);
            for (int i = shape.length - 1; i >= 0; i--) {
                info.putLong(shape[i]);
            }
            out.writeBytes(info.putInt(GgmlType.F32.id()).putLong(offset).array());
            offset = pad(offset + 4 * tensor.elements());
        }
        out.writeBytes(new byte[(int) (pad(out.size()) - out.size())]);
        return out.toByteArray();
    }

    private static long writeValues(FileChannel channel, Tensor tensor, long position) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(4 * CHUNK_FLOATS).order(ByteOrder.LITTLE_ENDIAN);
        long remaining = tensor.elements();
        while (remaining > 0) {
            int count = (int) Math.min(remaining, CHUNK_FLOATS);
            chunk.clear();
            for (int i = 0; i < count; i++) {
                chunk.putFloat(tensor.values().next());
            }
            chunk.flip();
            write(channel, chunk);
            remaining -= count;
        }
        long end = position + 4 * tensor.elements();
        write(channel, ByteBuffer.allocate((int) (pad(end) - end)));
        return pad(end);
    }

    private static void write(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static long pad(long offset) {
        return (offset + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
    }

    private GgufWriter entry(String key, GgufValueType type, byte[] value) {
        metadata.writeBytes(stringBytes(key));
        metadata.writeBytes(le(4).putInt(type.id()).array());
        metadata.writeBytes(value);
        metadataCount++;
        return this;
    }

    private static ByteArrayOutputStream arrayHeader(GgufValueType elementType, int count) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(le(12).putInt(elementType.id()).putLong(count).array());
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
