package io.reasoner.engine.gguf;

import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Parses the GGUF header (magic, version, counts, metadata, tensor table) from the start of a file.
 *
 * <p>Layout (all little-endian): {@code "GGUF"}, uint32 version, uint64 tensor count, uint64 metadata count,
 * the key/values, the tensor infos, then padding up to the alignment where the data section starts.
 * Strings are a uint64 byte length followed by UTF-8 bytes, with no terminator.
 */
final class GgufParser {

    /** "GGUF" read as a little-endian uint32. */
    static final int MAGIC = 0x46554747;
    static final int DEFAULT_ALIGNMENT = 32;
    static final String ALIGNMENT_KEY = "general.alignment";

    private final ByteBuffer buffer;
    private final long fileSize;

    private GgufParser(ByteBuffer buffer, long fileSize) {
        this.buffer = buffer.duplicate().order(ByteOrder.LITTLE_ENDIAN);
        this.fileSize = fileSize;
    }

    /**
     * @param buffer   the file from byte 0 (at least the whole header; the data section may be cut off)
     * @param fileSize the real file size, to check that tensor data lies inside the file
     */
    static GgufHeader parse(ByteBuffer buffer, long fileSize) {
        GgufParser parser = new GgufParser(buffer, fileSize);
        try {
            return parser.parseHeader();
        } catch (BufferUnderflowException e) {
            throw truncated(fileSize, "ran out of bytes at offset " + parser.buffer.position()
                    + " while reading the header", e);
        }
    }

    private GgufHeader parseHeader() {
        int magic = buffer.getInt();
        if (magic != MAGIC) {
            throw new GgufFormatException(String.format(
                    "not a GGUF file: magic is 0x%08X, expected 0x%08X (\"GGUF\")", magic, MAGIC));
        }
        int version = readVersion();
        long tensorCount = buffer.getLong();
        long metadataCount = buffer.getLong();
        checkCount("tensor count", tensorCount, 8 + 4 + 8 + 4 + 8);
        checkCount("metadata count", metadataCount, 8 + 4);

        Map<String, Object> values = new LinkedHashMap<>();
        for (long i = 0; i < metadataCount; i++) {
            String key = readString();
            GgufValueType type = GgufValueType.fromId(buffer.getInt());
            values.put(key, readValue(type));
        }
        GgufMetadata metadata = new GgufMetadata(values);
        int alignment = alignmentOf(metadata);

        List<GgufTensorInfo> tensors = new ArrayList<>((int) tensorCount);
        Set<String> names = new HashSet<>();
        for (long i = 0; i < tensorCount; i++) {
            GgufTensorInfo tensor = readTensorInfo();
            if (!names.add(tensor.name())) {
                throw new GgufFormatException("duplicate tensor name '" + tensor.name() + "'");
            }
            tensors.add(tensor);
        }
        long dataOffset = alignUp(buffer.position(), alignment);
        checkTensorPlacement(tensors, dataOffset, alignment);
        return new GgufHeader(version, metadata, tensors, dataOffset, alignment);
    }

    private int readVersion() {
        int version = buffer.getInt();
        if (version == 2 || version == 3) {
            return version;
        }
        if (Integer.reverseBytes(version) == 2 || Integer.reverseBytes(version) == 3) {
            throw new GgufFormatException("big-endian GGUF files are not supported (version field "
                    + Integer.reverseBytes(version) + " stored big-endian)");
        }
        throw new GgufFormatException("GGUF version " + Integer.toUnsignedString(version)
                + " is not supported (supported: 2, 3)");
    }

    private Object readValue(GgufValueType type) {
        return switch (type) {
            case UINT8 -> Byte.toUnsignedInt(buffer.get());
            case INT8 -> (int) buffer.get();
            case UINT16 -> Short.toUnsignedInt(buffer.getShort());
            case INT16 -> (int) buffer.getShort();
            case UINT32 -> Integer.toUnsignedLong(buffer.getInt());
            case INT32 -> buffer.getInt();
            case FLOAT32 -> buffer.getFloat();
            case BOOL -> readBool();
            case STRING -> readString();
            case ARRAY -> readArray();
            case UINT64, INT64 -> buffer.getLong();
            case FLOAT64 -> buffer.getDouble();
        };
    }

    private boolean readBool() {
        byte value = buffer.get();
        if (value != 0 && value != 1) {
            throw new GgufFormatException("bool metadata value must be 0 or 1, was " + value
                    + " at offset " + (buffer.position() - 1));
        }
        return value == 1;
    }

    private GgufArray readArray() {
        GgufValueType elementType = GgufValueType.fromId(buffer.getInt());
        long count = buffer.getLong();
        checkCount("array length", count, minimumSize(elementType));
        int n = (int) count;
        Object values = switch (elementType) {
            case UINT8, INT8, UINT16, INT16, INT32 -> {
                int[] ints = new int[n];
                for (int i = 0; i < n; i++) {
                    ints[i] = (Integer) readValue(elementType);
                }
                yield ints;
            }
            case UINT32, UINT64, INT64 -> {
                long[] longs = new long[n];
                for (int i = 0; i < n; i++) {
                    longs[i] = (Long) readValue(elementType);
                }
                yield longs;
            }
            case FLOAT32 -> {
                float[] floats = new float[n];
                buffer.asFloatBuffer().get(floats);
                buffer.position(buffer.position() + 4 * n);
                yield floats;
            }
            case FLOAT64 -> {
                double[] doubles = new double[n];
                buffer.asDoubleBuffer().get(doubles);
                buffer.position(buffer.position() + 8 * n);
                yield doubles;
            }
            case BOOL -> {
                boolean[] bools = new boolean[n];
                for (int i = 0; i < n; i++) {
                    bools[i] = readBool();
                }
                yield bools;
            }
            case STRING -> {
                String[] strings = new String[n];
                for (int i = 0; i < n; i++) {
                    strings[i] = readString();
                }
                yield strings;
            }
            case ARRAY -> {
                GgufArray[] nested = new GgufArray[n];
                for (int i = 0; i < n; i++) {
                    nested[i] = readArray();
                }
                yield nested;
            }
        };
        return new GgufArray(elementType, values);
    }

    private String readString() {
        long length = buffer.getLong();
        checkCount("string length", length, 1);
        byte[] bytes = new byte[(int) length];
        buffer.get(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }

    private GgufTensorInfo readTensorInfo() {
        String name = readString();
        int dimCount = buffer.getInt();
        if (dimCount < 1 || dimCount > 4) {
            throw new GgufFormatException("tensor '" + name + "' must have 1 to 4 dims, had " + dimCount);
        }
        long[] dims = new long[dimCount];
        for (int i = 0; i < dimCount; i++) {
            dims[i] = buffer.getLong();
        }
        GgmlType type = GgmlType.fromId(buffer.getInt());
        long offset = buffer.getLong();
        return new GgufTensorInfo(name, dims, type, offset);
    }

    private void checkTensorPlacement(List<GgufTensorInfo> tensors, long dataOffset, int alignment) {
        for (GgufTensorInfo tensor : tensors) {
            if (tensor.offset() % alignment != 0) {
                throw new GgufFormatException("tensor '" + tensor.name() + "' offset " + tensor.offset()
                        + " is not a multiple of the alignment " + alignment);
            }
            long end = dataOffset + tensor.offset() + tensor.byteSize();
            if (end > fileSize) {
                throw truncated(fileSize, "tensor '" + tensor.name() + "' data ends at byte " + end, null);
            }
        }
    }

    /** Rejects counts that could not fit in the rest of the buffer, before allocating anything for them. */
    private void checkCount(String what, long count, int minimumBytesEach) {
        if (count < 0 || count > Integer.MAX_VALUE - 8
                || count * minimumBytesEach > buffer.remaining()) {
            throw truncated(fileSize, what + " " + Long.toUnsignedString(count) + " read before offset "
                    + buffer.position() + " does not fit in the remaining " + buffer.remaining() + " bytes", null);
        }
    }

    private static int minimumSize(GgufValueType type) {
        return switch (type) {
            case UINT8, INT8, BOOL -> 1;
            case UINT16, INT16 -> 2;
            case UINT32, INT32, FLOAT32 -> 4;
            case UINT64, INT64, FLOAT64, STRING -> 8;
            case ARRAY -> 12;
        };
    }

    private static int alignmentOf(GgufMetadata metadata) {
        if (!metadata.contains(ALIGNMENT_KEY)) {
            return DEFAULT_ALIGNMENT;
        }
        long alignment = metadata.getLong(ALIGNMENT_KEY);
        if (alignment < 1 || alignment > (1 << 20) || Long.bitCount(alignment) != 1) {
            throw new GgufFormatException(ALIGNMENT_KEY + " must be a power of two in [1, 1048576], was " + alignment);
        }
        return (int) alignment;
    }

    static long alignUp(long offset, int alignment) {
        return (offset + alignment - 1) / alignment * alignment;
    }

    private static GgufFormatException truncated(long fileSize, String detail, Throwable cause) {
        return new GgufFormatException("truncated or corrupt GGUF file (" + fileSize + " bytes): " + detail, cause);
    }
}
