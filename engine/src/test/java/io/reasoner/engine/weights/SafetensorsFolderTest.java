package io.reasoner.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFolderTest {

    @TempDir
    Path dir;

    @Test
    void shardedFolder_findsEveryTensorInTheShardTheIndexNames() throws IOException {
        new SafetensorsTestWriter()
                .tensor("a", "F32", new long[] {2}, new float[] {1, 2})
                .tensor("b", "BF16", new long[] {1}, new float[] {3})
                .writeTo(dir.resolve("model-00001-of-00002.safetensors"));
        new SafetensorsTestWriter()
                .tensor("c", "F16", new long[] {2, 1}, new float[] {4, 5})
                .writeTo(dir.resolve("model-00002-of-00002.safetensors"));
        Map<String, String> index = new LinkedHashMap<>();
        index.put("a", "model-00001-of-00002.safetensors");
        index.put("c", "model-00002-of-00002.safetensors");
        index.put("b", "model-00001-of-00002.safetensors");
        SafetensorsTestWriter.writeIndex(dir, index);

        try (SafetensorsFolder folder = SafetensorsFolder.open(dir)) {
            assertThat(folder.shardCount()).isEqualTo(2);
            assertThat(folder.tensors()).extracting(StoredTensor::name).containsExactly("a", "c", "b");
            assertThat(folder.readFloats(folder.find("c").orElseThrow())).containsExactly(4, 5);
            assertThat(folder.readFloats(folder.find("b").orElseThrow())).containsExactly(3);
            assertThat(folder.find("missing")).isEmpty();
        }
    }

    @Test
    void singleFile_isUsedWhenThereIsNoIndex() throws IOException {
        new SafetensorsTestWriter().tensor("w", "F32", new long[] {1}, new float[] {7})
                .writeTo(dir.resolve(SafetensorsFolder.SINGLE_FILE));

        try (SafetensorsFolder folder = SafetensorsFolder.open(dir)) {
            assertThat(folder.shardCount()).isEqualTo(1);
            assertThat(folder.readFloats(folder.find("w").orElseThrow())).containsExactly(7);
        }
    }

    @Test
    void indexNamingATensorItsShardLacks_isRejected() throws IOException {
        new SafetensorsTestWriter().tensor("a", "F32", new long[] {1}, new float[] {1})
                .writeTo(dir.resolve("shard.safetensors"));
        SafetensorsTestWriter.writeIndex(dir, Map.of("b", "shard.safetensors"));

        assertThatThrownBy(() -> SafetensorsFolder.open(dir))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageEndingWith("maps tensor 'b' to shard.safetensors, which does not hold it");
    }

    @Test
    void shardOutsideTheFolder_isRefused() throws IOException {
        SafetensorsTestWriter.writeIndex(dir, Map.of("a", "../elsewhere.safetensors"));

        assertThatThrownBy(() -> SafetensorsFolder.open(dir))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageEndingWith("shard '../elsewhere.safetensors' must be a .safetensors file in the same"
                        + " folder");
    }

    @Test
    void folderWithoutWeights_isRejected() {
        assertThatThrownBy(() -> SafetensorsFolder.open(dir))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessage("no model.safetensors or model.safetensors.index.json in " + dir);
    }
}
