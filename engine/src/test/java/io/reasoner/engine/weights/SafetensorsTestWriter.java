package io.reasoner.engine.weights;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Writes {@code .safetensors} files for tests, byte by byte per the format (independent of the reader): header
 * JSON built by hand, padded with spaces to a multiple of 8 bytes as the reference writer does.
 */
public final class SafetensorsTestWriter {

    private record Tensor(String name, String dtype, long[] shape, byte[] data) {
    }

    private final List<Tensor> tensors = new ArrayList<>();
    private String metadataJson;

    /** Encodes {@code values} as F32, F16 or BF16 (rounding to nearest even). */
    public SafetensorsTestWriter tensor(String name, String dtype, long[] shape, float[] values) {
        int width = dtype.equals("F32") ? 4 : 2;
        ByteBuffer data = ByteBuffer.allocate(width * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float value : values) {
            switch (dtype) {
                case "F32" -> data.putFloat(value);
                case "F16" -> data.putShort(FloatEncodings.f16(value));
                case "BF16" -> data.putShort(FloatEncodings.bf16(value));
                default -> throw new IllegalArgumentException("cannot encode " + dtype);
            }
        }
        return raw(name, dtype, shape, data.array());
    }

    public SafetensorsTestWriter raw(String name, String dtype, long[] shape, byte[] data) {
        tensors.add(new Tensor(name, dtype, shape, data));
        return this;
    }

    public SafetensorsTestWriter metadata(Map<String, String> metadata) {
        metadataJson = metadata.entrySet().stream()
                .map(entry -> quote(entry.getKey()) + ":" + quote(entry.getValue()))
                .collect(Collectors.joining(",", "{", "}"));
        return this;
    }

    public byte[] toBytes() {
        List<String> entries = new ArrayList<>();
        if (metadataJson != null) {
            entries.add("\"__metadata__\":" + metadataJson);
        }
        long offset = 0;
        for (Tensor tensor : tensors) {
            String shape = Arrays.stream(tensor.shape()).mapToObj(Long::toString)
                    .collect(Collectors.joining(",", "[", "]"));
            entries.add(quote(tensor.name()) + ":{\"dtype\":" + quote(tensor.dtype()) + ",\"shape\":" + shape
                    + ",\"data_offsets\":[" + offset + "," + (offset + tensor.data().length) + "]}");
            offset += tensor.data().length;
        }
        StringBuilder header = new StringBuilder(String.join(",", entries)).insert(0, '{').append('}');
        while (header.toString().getBytes(StandardCharsets.UTF_8).length % 8 != 0) {
            header.append(' ');
        }
        byte[] headerBytes = header.toString().getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(headerBytes.length).array());
        out.writeBytes(headerBytes);
        tensors.forEach(tensor -> out.writeBytes(tensor.data()));
        return out.toByteArray();
    }

    public Path writeTo(Path file) throws IOException {
        Files.write(file, toBytes());
        return file;
    }

    /** Writes {@code model.safetensors.index.json} mapping each tensor name to its shard file name. */
    public static Path writeIndex(Path folder, Map<String, String> shardByTensor) throws IOException {
        String weightMap = shardByTensor.entrySet().stream()
                .map(entry -> quote(entry.getKey()) + ":" + quote(entry.getValue()))
                .collect(Collectors.joining(",\n    ", "{\n    ", "\n  }"));
        return Files.writeString(folder.resolve(SafetensorsFolder.INDEX_FILE),
                "{\n  \"metadata\": {\"total_size\": 0},\n  \"weight_map\": " + weightMap + "\n}\n");
    }

    private static String quote(String text) {
        return '"' + text.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
    }
}
