package io.reasoner.engine.gguf;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.TestModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GgufFileTest {

    @TempDir
    Path dir;

    @Test
    void stories260K_exposesItsHeaderMetadataAndTensorTable() throws IOException {
        try (GgufFile file = GgufFile.open(TestModels.stories260K())) {
            GgufMetadata metadata = file.metadata();
            assertThat(file.version()).isEqualTo(3);
            assertThat(file.header().alignment()).isEqualTo(32);
            assertThat(metadata.getString("general.architecture")).isEqualTo("llama");
            assertThat(metadata.getInt("llama.embedding_length")).isEqualTo(64);
            assertThat(metadata.getInt("llama.block_count")).isEqualTo(5);
            assertThat(metadata.getInt("llama.attention.head_count")).isEqualTo(8);
            assertThat(metadata.getInt("llama.attention.head_count_kv")).isEqualTo(4);
            assertThat(metadata.getFloat("llama.attention.layer_norm_rms_epsilon")).isEqualTo(1e-5f);
            assertThat(metadata.getInt("tokenizer.ggml.bos_token_id")).isEqualTo(1);
            assertThat(metadata.getInt("tokenizer.ggml.eos_token_id")).isEqualTo(2);
            assertThat(metadata.getStringArray("tokenizer.ggml.tokens")).hasSize(512)
                    .startsWith("<unk>", "<s>", "</s>", "<0x00>");
            assertThat(metadata.getFloatArray("tokenizer.ggml.scores")).hasSize(512);
            assertThat(metadata.getIntArray("tokenizer.ggml.token_type")).hasSize(512).startsWith(2, 3, 3, 6);

            assertThat(file.tensors()).hasSize(48).allMatch(t -> t.type() == GgmlType.F32);
            GgufTensorInfo embedding = file.tensor("token_embd.weight");
            assertThat(embedding.dims()).containsExactly(64, 512);
            assertThat(embedding.rowMajorShape()).containsExactly(512, 64);
            assertThat(file.readFloats(embedding)).hasSize(512 * 64);
        }
    }

    @Test
    void version2File_withCustomAlignment_decodesF16AndF32TensorsAndEveryMetadataType() throws IOException {
        short[] halves = {0x3C00, (short) 0xC000, 0x7BFF, 0x0001, (short) 0x8000, 0x3555};
        Path path = new GgufTestWriter(2, 64)
                .uint32("general.alignment", 64)
                .string("general.name", "tiny")
                .int8("test.int8", (byte) -7)
                .uint16("test.uint16", (short) 65535)
                .uint64("test.uint64", 1L << 40)
                .float64("test.float64", 0.25)
                .bool("test.bool", true)
                .stringArray("test.strings", "a", "▁b", "")
                .int32Array("test.ints", -1, 0, 7)
                .float32Array("test.floats", 0.5f, -1.5f)
                .f16Tensor("half", new long[] {3, 2}, halves)
                .f32Tensor("single", new long[] {2}, 1.25f, -3f)
                .writeTo(dir.resolve("tiny.gguf"));

        try (GgufFile file = GgufFile.open(path)) {
            GgufMetadata metadata = file.metadata();
            assertThat(file.version()).isEqualTo(2);
            assertThat(file.header().alignment()).isEqualTo(64);
            assertThat(file.header().dataOffset() % 64).isZero();
            assertThat(metadata.getInt("test.int8")).isEqualTo(-7);
            assertThat(metadata.getInt("test.uint16")).isEqualTo(65535);
            assertThat(metadata.getLong("test.uint64")).isEqualTo(1L << 40);
            assertThat(metadata.find("test.float64")).contains(0.25);
            assertThat(metadata.findBoolean("test.bool")).contains(true);
            assertThat(metadata.getStringArray("test.strings")).containsExactly("a", "▁b", "");
            assertThat(metadata.getIntArray("test.ints")).containsExactly(-1, 0, 7);
            assertThat(metadata.getFloatArray("test.floats")).containsExactly(0.5f, -1.5f);

            GgufTensorInfo half = file.tensor("half");
            assertThat(half.rowMajorShape()).containsExactly(2, 3);
            assertThat(half.offset()).isZero();
            assertThat(file.readFloats(half))
                    .containsExactly(1f, -2f, 65504f, 0x1p-24f, -0f, 0.33325195f);
            assertThat(file.tensor("single").offset()).isEqualTo(64);
            assertThat(file.readFloats(file.tensor("single"))).containsExactly(1.25f, -3f);
        }
    }

    @Test
    void integerAccessor_rejectsValuesOfAnotherType_namingTheKey() throws IOException {
        Path path = new GgufTestWriter(3, 32).string("general.name", "x").uint64("big", 1L << 40)
                .writeTo(dir.resolve("types.gguf"));
        try (GgufFile file = GgufFile.open(path)) {
            assertThatThrownBy(() -> file.metadata().getInt("general.name"))
                    .isInstanceOf(GgufFormatException.class)
                    .hasMessage("metadata key 'general.name' must be Number, was String");
            assertThatThrownBy(() -> file.metadata().getInt("big"))
                    .hasMessage("metadata key 'big' must be an int, was 1099511627776");
            assertThatThrownBy(() -> file.metadata().getString("absent"))
                    .hasMessage("metadata key 'absent' is missing");
        }
    }

    @Test
    void badMagic_isRejectedWithTheMagicFound() throws IOException {
        byte[] bytes = new GgufTestWriter(3, 32).string("general.name", "x").toBytes();
        bytes[0] = 'X';
        Path path = Files.write(dir.resolve("bad.gguf"), bytes);

        assertThatThrownBy(() -> GgufFile.open(path))
                .isInstanceOf(GgufFormatException.class)
                .hasMessage("not a GGUF file: magic is 0x46554758, expected 0x46554747 (\"GGUF\")");
    }

    @Test
    void version1_isRejectedAsUnsupported() throws IOException {
        Path path = new GgufTestWriter(1, 32).writeTo(dir.resolve("v1.gguf"));

        assertThatThrownBy(() -> GgufFile.open(path))
                .isInstanceOf(GgufFormatException.class)
                .hasMessage("GGUF version 1 is not supported (supported: 2, 3)");
    }

    @Test
    void truncatedHeader_isRejected() throws IOException {
        byte[] bytes = new GgufTestWriter(3, 32).stringArray("tokens", "alpha", "beta", "gamma").toBytes();
        Path path = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, 60)); // ends inside "beta"

        assertThatThrownBy(() -> GgufFile.open(path))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageStartingWith("truncated or corrupt GGUF file (60 bytes)");
    }

    @Test
    void truncatedTensorData_isRejectedNamingTheTensor() throws IOException {
        byte[] bytes = new GgufTestWriter(3, 32).f32Tensor("w", new long[] {16}, new float[16]).toBytes();
        Path path = Files.write(dir.resolve("cut.gguf"), Arrays.copyOf(bytes, bytes.length - 4));

        assertThatThrownBy(() -> GgufFile.open(path))
                .isInstanceOf(GgufFormatException.class)
                .hasMessageContaining("tensor 'w' data ends at byte " + bytes.length);
    }

    @Test
    void tensorOfKnownButUndecodableType_failsOnReadNotOnOpen() throws IOException {
        Path path = new GgufTestWriter(3, 32)
                .rawTensor("q", new long[] {32}, GgmlType.Q4_0, new byte[18])
                .writeTo(dir.resolve("quant.gguf"));

        try (GgufFile file = GgufFile.open(path)) {
            GgufTensorInfo tensor = file.tensor("q");
            assertThat(tensor.byteSize()).isEqualTo(18);
            assertThatThrownBy(() -> file.readFloats(tensor))
                    .isInstanceOf(UnsupportedTensorTypeException.class)
                    .hasMessage("tensor 'q' has type Q4_0, which this engine cannot decode (supported: F32, F16, Q8_0, BF16)");
        }
    }
}
