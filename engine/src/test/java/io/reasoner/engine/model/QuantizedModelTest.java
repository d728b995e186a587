package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.gguf.GgmlType;
import io.reasoner.engine.weights.LoadReport;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Q8_0 GGUF models: dequantized to F32 at load, logits near the F32 model's, and the cost reported. */
class QuantizedModelTest {

    private static final int[] TOKENS = {1, 259, 76, 3, 200};

    @TempDir
    Path dir;

    /**
     * Q8_0 rounds each weight to 1/254 of its block's largest magnitude: an RMS error of ~0.5% of a Gaussian
     * weight's size per matrix, compounding over a dozen matmuls to 1-2% in the logits of these models. Above 5%,
     * something other than rounding is wrong; at exactly 0, nothing was quantized.
     */
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void q8_0Model_staysWithinAFewPercentOfTheF32Model(Architecture architecture) throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.of(architecture), 31);

        float[] f32 = Logits.afterGguf(tiny, dir, GgmlType.F32, TOKENS);
        float[] q8 = Logits.afterGguf(tiny, dir, GgmlType.Q8_0, TOKENS);

        assertThat(Logits.relativeRmsError(q8, f32)).isBetween(1e-4, 0.05);
    }

    @Test
    void q8_0Model_reportsItsBytesOnDisk_againstTheF32BytesItTakesInMemory() throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.llama(), 32);
        Path file = tiny.writeGguf(dir.resolve("q8.gguf"), GgmlType.Q8_0);
        Map<String, LoadReport.Stored> expectedOnDisk = new LinkedHashMap<>();
        long elements = 0;
        for (Map.Entry<String, long[]> entry : tiny.shapes.entrySet()) {
            long count = tiny.values.get(entry.getKey()).length;
            boolean matrix = entry.getValue().length == 2;
            elements += count;
            expectedOnDisk.merge(matrix ? "Q8_0" : "F32", new LoadReport.Stored(1, matrix ? count / 32 * 34 : 4 * count),
                    (a, b) -> new LoadReport.Stored(a.tensors() + b.tensors(), a.bytes() + b.bytes()));
        }

        try (LanguageModel model = ModelLoader.load(file)) {
            LoadReport report = model.loadReport().orElseThrow();

            assertThat(report.format()).isEqualTo("GGUF");
            assertThat(report.device()).isEqualTo("cpu()");
            assertThat(report.computeDtype()).isEqualTo("F32");
            assertThat(report.storedByDtype()).containsExactlyInAnyOrderEntriesOf(expectedOnDisk);
            assertThat(report.bytesInMemory()).isEqualTo(4 * elements);
            assertThat(report.convertedTensorCount()).isEqualTo(expectedOnDisk.get("Q8_0").tensors());
            assertThat(report.expansion()).isBetween(3.0, 4.0); // 32 weights: 34 bytes on disk, 128 in memory
            assertThat(report.summary()).contains("tensors converted to F32; matmul order ");
        }
    }
}
