package io.reasoner.engine.weights;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LoadReportTest {

    @Test
    void quantizedModel_reportsWhatWidening_toF32_costs() {
        Map<String, LoadReport.Stored> stored = new LinkedHashMap<>();
        stored.put("Q8_0", new LoadReport.Stored(14, 34L * 1024 * 1024));
        stored.put("F32", new LoadReport.Stored(7, 2L * 1024 * 1024));
        LoadReport report = new LoadReport("m.gguf", "GGUF", "cpu()", "F32", stored, 130L * 1024 * 1024, "direct");

        assertThat(report.bytesOnDisk()).isEqualTo(36L * 1024 * 1024);
        assertThat(report.tensorCount()).isEqualTo(21);
        assertThat(report.convertedTensorCount()).isEqualTo(14);
        assertThat(report.expansion()).isCloseTo(130.0 / 36, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(report.summary()).isEqualTo("21 tensors from GGUF: 36.0 MiB on disk (Q8_0: 14 tensors 34.0 MiB,"
                + " F32: 7 tensors 2.0 MiB) -> 130.0 MiB in memory as F32 on cpu() (3.61x);"
                + " 14 tensors converted to F32; matmul order direct");
    }

    @Test
    void modelStoredInTheComputeDtype_reportsNoConversion() {
        LoadReport report = new LoadReport("m", "safetensors", "cpu()", "F32",
                Map.of("F32", new LoadReport.Stored(3, 1536)), 1536, "measured: direct for every shape");

        assertThat(report.convertedTensorCount()).isZero();
        assertThat(report.summary()).isEqualTo("3 tensors from safetensors: 1.5 KiB on disk (F32: 3 tensors 1.5 KiB)"
                + " -> 1.5 KiB in memory as F32 on cpu() (1.00x); matmul order measured: direct for every shape");
    }

    @Test
    void negativeMemory_isRejected() {
        assertThatThrownBy(() -> new LoadReport("m", "GGUF", "cpu()", "F32", Map.of(), -1, "direct"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bytesInMemory must be >= 0, was -1");
    }
}
