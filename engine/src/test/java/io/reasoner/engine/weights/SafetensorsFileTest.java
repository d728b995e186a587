package io.reasoner.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SafetensorsFileTest {

    @TempDir
    Path dir;

    @Test
    void floatTensors_decodeInRowMajorOrder_withTheirStoredTypeAndSize() throws IOException {
        float[] values = {1f, -2.5f, 0.1f, 3e-5f, 65504f, -0f};
        Path path = new SafetensorsTestWriter()
                .metadata(Map.of("format", "pt"))
                .tensor("a.f32", "F32", new long[] {2, 3}, values)
                .tensor("b.f16", "F16", new long[] {3, 2}, values)
                .tensor("c.bf16", "BF16", new long[] {6}, values)
                .writeTo(dir.resolve("model.safetensors"));

        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            assertThat(file.tensors()).extracting(StoredTensor::name).containsExactly("a.f32", "b.f16", "c.bf16");
            StoredTensor f16 = file.find("b.f16").orElseThrow();
            assertThat(f16.shape()).containsExactly(3, 2);
            assertThat(f16.dtype()).isEqualTo("F16");
            assertThat(f16.byteSize()).isEqualTo(12);

            assertThat(file.readFloats(file.find("a.f32").orElseThrow())).containsExactly(values);
            float[] halves = file.readFloats(f16);
            float[] bfloats = file.readFloats(file.find("c.bf16").orElseThrow());
            for (int i = 0; i < values.length; i++) {
                assertThat(halves[i]).isEqualTo(FloatEncodings.roundToF16(values[i]));
                assertThat(bfloats[i]).isEqualTo(FloatEncodings.roundToBf16(values[i]));
            }
        }
    }

    @Test
    void scalarTensor_hasAnEmptyShapeAndOneElement() throws IOException {
        Path path = new SafetensorsTestWriter().tensor("scale", "F32", new long[] {}, new float[] {0.5f})
                .writeTo(dir.resolve("scalar.safetensors"));

        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            StoredTensor scale = file.find("scale").orElseThrow();
            assertThat(scale.shape()).isEmpty();
            assertThat(file.readFloats(scale)).containsExactly(0.5f);
        }
    }

    @Test
    void integerTensor_opens_butFailsWhenRead() throws IOException {
        Path path = new SafetensorsTestWriter().raw("ids", "I64", new long[] {2}, new byte[16])
                .writeTo(dir.resolve("ids.safetensors"));

        try (SafetensorsFile file = SafetensorsFile.open(path)) {
            StoredTensor ids = file.find("ids").orElseThrow();
            assertThat(ids.byteSize()).isEqualTo(16);
            assertThatThrownBy(() -> file.readFloats(ids))
                    .isInstanceOf(SafetensorsFormatException.class)
                    .hasMessage("tensor 'ids' in " + path + " has dtype I64, which this engine cannot decode"
                            + " (supported: F32, F16, BF16)");
        }
    }

    @Test
    void headerLengthBeyondTheFile_isRejected() throws IOException {
        Path path = Files.write(dir.resolve("short.safetensors"),
                ByteBuffer.allocate(12).order(ByteOrder.LITTLE_ENDIAN).putLong(1000).array());

        assertThatThrownBy(() -> SafetensorsFile.open(path))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessage("malformed safetensors file " + path + ": header length 1000 must be in [2, 4]"
                        + " for a file of 12 bytes");
    }

    @Test
    void headerThatIsNotJson_isRejected() throws IOException {
        Path path = withHeader("{\"w\": {\"dtype\": ");

        assertThatThrownBy(() -> SafetensorsFile.open(path))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageStartingWith("malformed safetensors file " + path + ": header is not JSON");
    }

    @Test
    void dataOffsetsThatDisagreeWithTheShape_areRejected() throws IOException {
        Path path = withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[2,2],\"data_offsets\":[0,12]}}");

        assertThatThrownBy(() -> SafetensorsFile.open(path))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageEndingWith("tensor 'w' data_offsets [0, 12] must span 16 bytes inside the 16-byte"
                        + " data section");
    }

    @Test
    void tensorPastTheEndOfTheFile_isRejected() throws IOException {
        Path path = withHeader("{\"w\":{\"dtype\":\"F32\",\"shape\":[8],\"data_offsets\":[0,32]}}");

        assertThatThrownBy(() -> SafetensorsFile.open(path))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageEndingWith("tensor 'w' data_offsets [0, 32] must span 32 bytes inside the 16-byte"
                        + " data section");
    }

    @Test
    void unknownDtype_isRejectedOnOpen() throws IOException {
        Path path = withHeader("{\"w\":{\"dtype\":\"F12\",\"shape\":[1],\"data_offsets\":[0,2]}}");

        assertThatThrownBy(() -> SafetensorsFile.open(path))
                .isInstanceOf(SafetensorsFormatException.class)
                .hasMessageEndingWith("tensor 'w' has unknown dtype \"F12\"");
    }

    /** A file with the given header and 16 zero bytes of data. */
    private Path withHeader(String header) throws IOException {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        ByteBuffer bytes = ByteBuffer.allocate(8 + json.length + 16).order(ByteOrder.LITTLE_ENDIAN);
        bytes.putLong(json.length).put(json);
        return Files.write(dir.resolve("handmade.safetensors"), bytes.array());
    }
}
