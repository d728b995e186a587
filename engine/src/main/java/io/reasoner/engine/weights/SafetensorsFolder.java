package io.reasoner.engine.weights;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The safetensors weights of a Hugging Face model folder: either one {@code model.safetensors}, or shards listed by
 * {@code model.safetensors.index.json}, whose {@code weight_map} names the shard file of every tensor. Tensor names
 * are unique across shards.
 */
public final class SafetensorsFolder implements TensorStore {

    public static final String SINGLE_FILE = "model.safetensors";
    public static final String INDEX_FILE = "model.safetensors.index.json";
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Path folder;
    private final List<SafetensorsFile> shards;
    private final Map<String, SafetensorsFile> shardByTensor;

    private SafetensorsFolder(Path folder, List<SafetensorsFile> shards, Map<String, SafetensorsFile> shardByTensor) {
        this.folder = folder;
        this.shards = List.copyOf(shards);
        this.shardByTensor = shardByTensor;
    }

    /**
     * Opens the index's shards, or the single file when there is no index.
     *
     * @throws SafetensorsFormatException if neither exists, the index is malformed, or it names a tensor its shard
     *                                    lacks
     */
    public static SafetensorsFolder open(Path folder) throws IOException {
        Path index = folder.resolve(INDEX_FILE);
        if (Files.isRegularFile(index)) {
            return openSharded(folder, index);
        }
        Path single = folder.resolve(SINGLE_FILE);
        if (!Files.isRegularFile(single)) {
            throw new SafetensorsFormatException("no " + SINGLE_FILE + " or " + INDEX_FILE + " in " + folder);
        }
        SafetensorsFile file = SafetensorsFile.open(single);
        Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
        file.tensors().forEach(tensor -> byTensor.put(tensor.name(), file));
        return new SafetensorsFolder(folder, List.of(file), byTensor);
    }

    private static SafetensorsFolder openSharded(Path folder, Path index) throws IOException {
        Map<String, String> weightMap = readWeightMap(index);
        Map<String, SafetensorsFile> shardByName = new LinkedHashMap<>();
        Map<String, SafetensorsFile> byTensor = new LinkedHashMap<>();
        try {
            for (Map.Entry<String, String> entry : weightMap.entrySet()) {
                SafetensorsFile shard = shardByName.get(entry.getValue());
                if (shard == null) {
                    shard = SafetensorsFile.open(shardPath(folder, index, entry.getValue()));
                    shardByName.put(entry.getValue(), shard);
                }
                if (shard.find(entry.getKey()).isEmpty()) {
                    throw new SafetensorsFormatException(index + " maps tensor '" + entry.getKey() + "' to "
                            + entry.getValue() + ", which does not hold it");
                }
                byTensor.put(entry.getKey(), shard);
            }
        } catch (IOException | RuntimeException e) {
            for (SafetensorsFile shard : shardByName.values()) {
                shard.close();
            }
            throw e;
        }
        return new SafetensorsFolder(folder, new ArrayList<>(shardByName.values()), byTensor);
    }

    private static Map<String, String> readWeightMap(Path index) throws IOException {
        JsonNode weightMap;
        try {
            weightMap = JSON.readTree(Files.readAllBytes(index)).path("weight_map");
        } catch (JacksonException e) {
            throw new SafetensorsFormatException("malformed " + index + ": " + e.getOriginalMessage(), e);
        }
        if (!weightMap.isObject() || weightMap.isEmpty()) {
            throw new SafetensorsFormatException("malformed " + index
                    + ": weight_map must be a non-empty object of tensor name to shard file");
        }
        Map<String, String> shardByTensor = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : weightMap.properties()) {
            if (!entry.getValue().isString()) {
                throw new SafetensorsFormatException("malformed " + index + ": weight_map['" + entry.getKey()
                        + "'] must be a file name, was " + entry.getValue());
            }
            shardByTensor.put(entry.getKey(), entry.getValue().stringValue());
        }
        return shardByTensor;
    }

    /** Shards must be plain files beside the index; a name such as {@code ../x} would read outside the folder. */
    private static Path shardPath(Path folder, Path index, String name) {
        Path shard = folder.resolve(name).normalize();
        if (!shard.getParent().equals(folder.normalize()) || !name.endsWith(".safetensors")) {
            throw new SafetensorsFormatException("malformed " + index + ": shard '" + name
                    + "' must be a .safetensors file in the same folder");
        }
        return shard;
    }

    public Path folder() {
        return folder;
    }

    public int shardCount() {
        return shards.size();
    }

    @Override
    public String format() {
        return "safetensors";
    }

    @Override
    public List<StoredTensor> tensors() {
        List<StoredTensor> tensors = new ArrayList<>(shardByTensor.size());
        shardByTensor.forEach((name, shard) -> tensors.add(shard.find(name).orElseThrow()));
        return tensors;
    }

    @Override
    public Optional<StoredTensor> find(String name) {
        SafetensorsFile shard = shardByTensor.get(name);
        return shard == null ? Optional.empty() : shard.find(name);
    }

    @Override
    public float[] readFloats(StoredTensor tensor) throws IOException {
        SafetensorsFile shard = shardByTensor.get(tensor.name());
        if (shard == null) {
            throw new IllegalArgumentException("tensor " + tensor + " is not in " + folder);
        }
        return shard.readFloats(tensor);
    }

    @Override
    public void close() throws IOException {
        IOException failure = null;
        for (SafetensorsFile shard : shards) {
            try {
                shard.close();
            } catch (IOException e) {
                failure = failure == null ? e : failure;
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
