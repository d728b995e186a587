package io.reasoner.engine.weights;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One open {@code .safetensors} file: an unsigned 64-bit little-endian header length N, N bytes of UTF-8 JSON
 * mapping each tensor name to {@code {"dtype", "shape", "data_offsets": [begin, end]}} (offsets relative to the
 * first byte after the header; an optional {@code "__metadata__"} entry holds strings), then the raw little-endian
 * tensor data. The header is parsed and every tensor's extent checked by {@link #open}; data is memory-mapped and
 * decoded only when read. Thread-safe: the channel is only used to create mappings.
 */
public final class SafetensorsFile implements TensorStore {

    /** The format's own limit on the header, which also stops a corrupt length from allocating gigabytes. */
    static final long MAX_HEADER_BYTES = 100L * 1024 * 1024;
    /** A MappedByteBuffer cannot exceed 2 GiB, so large tensors are mapped and decoded in pieces of this size. */
    static final long MAX_CHUNK_BYTES = 1L << 30;
    private static final String METADATA_KEY = "__metadata__";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private record Entry(StoredTensor tensor, SafetensorsDtype dtype, long begin) {
    }

    private final Path path;
    private final FileChannel channel;
    private final long dataStart;
    private final Map<String, Entry> entries;

    private SafetensorsFile(Path path, FileChannel channel, long dataStart, Map<String, Entry> entries) {
        this.path = path;
        this.channel = channel;
        this.dataStart = dataStart;
        this.entries = entries;
    }

    /**
     * @throws SafetensorsFormatException if the header is malformed or a tensor lies outside the file
     * @throws IOException                if the file cannot be read
     */
    public static SafetensorsFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            if (size < 8) {
                throw malformed(path, "it has " + size + " bytes, fewer than the 8-byte header length");
            }
            long headerLength = channel.map(FileChannel.MapMode.READ_ONLY, 0, 8)
                    .order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (headerLength < 2 || headerLength > MAX_HEADER_BYTES || headerLength > size - 8) {
                throw malformed(path, "header length " + Long.toUnsignedString(headerLength) + " must be in [2, "
                        + Math.min(MAX_HEADER_BYTES, size - 8) + "] for a file of " + size + " bytes");
            }
            byte[] header = new byte[(int) headerLength];
            channel.map(FileChannel.MapMode.READ_ONLY, 8, headerLength).get(header);
            long dataStart = 8 + headerLength;
            return new SafetensorsFile(path, channel, dataStart, parseHeader(path, header, size - dataStart));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    private static Map<String, Entry> parseHeader(Path path, byte[] header, long dataSize) {
        JsonNode root;
        try {
            root = JSON.readTree(header);
        } catch (JacksonException e) {
            throw new SafetensorsFormatException("malformed safetensors file " + path + ": header is not JSON: "
                    + e.getOriginalMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw malformed(path, "header must be a JSON object");
        }
        Map<String, Entry> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> property : root.properties()) {
            if (!property.getKey().equals(METADATA_KEY)) {
                entries.put(property.getKey(), parseEntry(path, property.getKey(), property.getValue(), dataSize));
            }
        }
        return Collections.unmodifiableMap(entries);
    }

    private static Entry parseEntry(Path path, String name, JsonNode node, long dataSize) {
        String where = "tensor '" + name + "'";
        String dtypeName = node.path("dtype").stringValue(null);
        SafetensorsDtype dtype = SafetensorsDtype.of(dtypeName == null ? "" : dtypeName)
                .orElseThrow(() -> malformed(path, where + " has unknown dtype " + node.get("dtype")));
        long[] shape = longs(path, where + " shape", node.get("shape"), -1);
        long[] offsets = longs(path, where + " data_offsets", node.get("data_offsets"), 2);
        long count = 1;
        for (long dim : shape) {
            count = Math.multiplyExact(count, dim);
        }
        long byteSize = Math.multiplyExact(count, dtype.width());
        if (offsets[1] - offsets[0] != byteSize || offsets[1] > dataSize) {
            throw malformed(path, where + " data_offsets [" + offsets[0] + ", " + offsets[1] + "] must span "
                    + byteSize + " bytes inside the " + dataSize + "-byte data section");
        }
        return new Entry(new StoredTensor(name, shape, dtype.name(), byteSize), dtype, offsets[0]);
    }

    /** Non-negative integers of a JSON array, which must have {@code length} entries unless that is -1. */
    private static long[] longs(Path path, String what, JsonNode node, int length) {
        if (node == null || !node.isArray() || (length >= 0 && node.size() != length)) {
            throw malformed(path, what + " must be an array" + (length >= 0 ? " of " + length + " integers" : "")
                    + ", was " + node);
        }
        long[] values = new long[node.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode value = node.get(i);
            if (!value.isIntegralNumber() || value.longValue() < 0) {
                throw malformed(path, what + " must hold integers >= 0, was " + node);
            }
            values[i] = value.longValue();
        }
        return values;
    }

    public Path path() {
        return path;
    }

    @Override
    public String format() {
        return "safetensors";
    }

    @Override
    public List<StoredTensor> tensors() {
        List<StoredTensor> tensors = new ArrayList<>(entries.size());
        entries.values().forEach(entry -> tensors.add(entry.tensor()));
        return tensors;
    }

    @Override
    public Optional<StoredTensor> find(String name) {
        return Optional.ofNullable(entries.get(name)).map(Entry::tensor);
    }

    /** @throws SafetensorsFormatException if the tensor's dtype is not F32, F16 or BF16 */
    @Override
    public float[] readFloats(StoredTensor tensor) throws IOException {
        Entry entry = entries.get(tensor.name());
        if (entry == null || !entry.tensor().equals(tensor)) {
            throw new IllegalArgumentException("tensor " + tensor + " is not in " + path);
        }
        if (!entry.dtype().decodable()) {
            throw new SafetensorsFormatException("tensor '" + tensor.name() + "' in " + path + " has dtype "
                    + entry.dtype() + ", which this engine cannot decode (supported: " + SafetensorsDtype.DECODABLE
                    + ")");
        }
        long count = tensor.elementCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new SafetensorsFormatException("tensor '" + tensor.name() + "' has " + count
                    + " elements, more than a Java array can hold");
        }
        float[] values = new float[(int) count];
        int width = entry.dtype().width();
        int done = 0;
        while (done < count) {
            int n = (int) Math.min(count - done, MAX_CHUNK_BYTES / width);
            ByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY,
                    dataStart + entry.begin() + (long) done * width, (long) n * width);
            entry.dtype().decode(bytes.order(ByteOrder.LITTLE_ENDIAN), values, done, n);
            done += n;
        }
        return values;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    private static SafetensorsFormatException malformed(Path path, String detail) {
        return new SafetensorsFormatException("malformed safetensors file " + path + ": " + detail);
    }
}
