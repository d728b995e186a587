package io.reasoner.engine.gguf;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.MappedByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An open, memory-mapped GGUF file.
 *
 * <p>The header is parsed eagerly by {@link #open}; tensor data is mapped and decoded only when asked for, so
 * opening a multi-gigabyte file costs the size of its header. Each tensor is mapped separately because one
 * {@link MappedByteBuffer} cannot exceed 2 GiB. Thread-safe: the channel is only used to create mappings.
 */
public final class GgufFile implements AutoCloseable {

    private final Path path;
    private final FileChannel channel;
    private final GgufHeader header;
    private final Map<String, GgufTensorInfo> tensorsByName = new LinkedHashMap<>();

    private GgufFile(Path path, FileChannel channel, GgufHeader header) {
        this.path = path;
        this.channel = channel;
        this.header = header;
        header.tensors().forEach(tensor -> tensorsByName.put(tensor.name(), tensor));
    }

    /**
     * @throws GgufFormatException if the file is not a little-endian GGUF v2/v3 file or is truncated
     * @throws IOException         if the file cannot be read
     */
    public static GgufFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            MappedByteBuffer start = channel.map(FileChannel.MapMode.READ_ONLY, 0, Math.min(size, Integer.MAX_VALUE));
            return new GgufFile(path, channel, GgufParser.parse(start, size));
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    public Path path() {
        return path;
    }

    public int version() {
        return header.version();
    }

    public GgufMetadata metadata() {
        return header.metadata();
    }

    public List<GgufTensorInfo> tensors() {
        return header.tensors();
    }

    public GgufHeader header() {
        return header;
    }

    public Optional<GgufTensorInfo> findTensor(String name) {
        return Optional.ofNullable(tensorsByName.get(name));
    }

    public GgufTensorInfo tensor(String name) {
        return findTensor(name).orElseThrow(() -> new GgufFormatException("tensor '" + name + "' is missing"));
    }

    /**
     * Decodes a tensor to floats in row-major order (see {@link GgufTensorInfo#rowMajorShape()}).
     *
     * @throws UnsupportedTensorTypeException if no decoder exists for the tensor's type
     */
    public float[] readFloats(GgufTensorInfo tensor) throws IOException {
        TensorDecoder decoder = TensorDecoders.forType(tensor.type()).orElseThrow(
                () -> new UnsupportedTensorTypeException(tensor.name(), tensor.type(), TensorDecoders.supportedTypes()));
        long count = tensor.elementCount();
        if (count > Integer.MAX_VALUE - 8) {
            throw new GgufFormatException("tensor '" + tensor.name() + "' has " + count
                    + " elements, more than a Java array can hold");
        }
        MappedByteBuffer bytes = channel.map(FileChannel.MapMode.READ_ONLY,
                header.dataOffset() + tensor.offset(), tensor.byteSize());
        bytes.order(ByteOrder.LITTLE_ENDIAN);
        float[] values = new float[(int) count];
        decoder.decode(bytes, values);
        return values;
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }
}
