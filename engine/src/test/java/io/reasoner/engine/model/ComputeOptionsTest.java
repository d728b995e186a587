package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.ndarray.types.DataType;
import io.reasoner.engine.gguf.GgmlType;
import io.reasoner.engine.weights.LoadReport;
import io.reasoner.engine.weights.StoredTensor;
import io.reasoner.engine.weights.TensorStore;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Device and compute dtype. There is no BF16 case: DJL 0.36's PyTorch JNI has no bfloat16 type and aborts the
 * JVM when asked for one (see {@link ComputeDtype}), so BF16 exists only as a storage type, tested in
 * {@link CheckpointFormatsTest}. This machine has no GPU, so GPU loading is tested only for its refusal.
 */
class ComputeOptionsTest {

    private static final int[] TOKENS = {1, 259, 76, 3, 200};

    @TempDir
    Path dir;

    /**
     * F16 keeps 11 significant bits, so each matmul's inputs are rounded by ~0.05%; over a dozen matmuls that
     * compounds to ~0.1% of the logits here (norms and softmax stay F32). 1% allows for unlucky seeds, not bugs.
     */
    @ParameterizedTest
    @EnumSource(Architecture.class)
    void f16Compute_onTheCpu_staysWithinAPercentOfF32(Architecture architecture) throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.of(architecture), 41);
        Path file = tiny.writeGguf(dir.resolve("m.gguf"), GgmlType.F32);

        float[] f32 = Logits.after(file, LoadOptions.defaults(), TOKENS);
        float[] f16;
        long bytesInMemory;
        try (LanguageModel model = ModelLoader.load(file, LoadOptions.defaults().withDtype(ComputeDtype.F16));
             Sequence sequence = model.newSequence(16)) {
            f16 = sequence.prefill(TOKENS);
            assertThat(sequence.step(7)).hasSize(TinyModel.VOCAB);
            LoadReport report = model.loadReport().orElseThrow();
            assertThat(report.computeDtype()).isEqualTo("F16");
            bytesInMemory = report.bytesInMemory();
        }

        assertThat(Logits.relativeRmsError(f16, f32)).isBetween(1e-6, 0.01);
        try (LanguageModel model = ModelLoader.load(file)) {
            assertThat(bytesInMemory * 2).isEqualTo(model.loadReport().orElseThrow().bytesInMemory());
        }
    }

    @Test
    void gpuThatIsNotThere_isRefusedBeforeAnythingIsAllocated() throws IOException {
        Path file = TinyModel.random(TinyModel.qwen2(), 42).writeGguf(dir.resolve("m.gguf"), GgmlType.F32);

        assertThatThrownBy(() -> ModelLoader.load(file, LoadOptions.defaults().withDevice("gpu:99")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("device gpu:99 was asked for, but PyTorch sees ");
    }

    @Test
    void autoDtype_isF32OnTheCpu_andOnAGpuF16OnlyForF16Checkpoints() {
        LoadOptions cpu = LoadOptions.defaults();
        LoadOptions gpu = LoadOptions.defaults().withDevice("gpu");

        assertThat(ModelLoader.computeType(cpu, storeOf("F16"))).isEqualTo(DataType.FLOAT32);
        assertThat(ModelLoader.computeType(gpu, storeOf("F16"))).isEqualTo(DataType.FLOAT16);
        assertThat(ModelLoader.computeType(gpu, storeOf("BF16"))).isEqualTo(DataType.FLOAT32);
        assertThat(ModelLoader.computeType(gpu, storeOf("Q8_0"))).isEqualTo(DataType.FLOAT32);
        assertThat(ModelLoader.computeType(gpu.withDtype(ComputeDtype.F16), storeOf("BF16")))
                .isEqualTo(DataType.FLOAT16);
        assertThat(ModelLoader.computeType(cpu.withDtype(ComputeDtype.F16), storeOf("F32")))
                .isEqualTo(DataType.FLOAT16);
    }

    @Test
    void deviceNames_areCheckedWhenTheOptionsAreBuilt() {
        assertThat(LoadOptions.defaults().withDevice("gpu:1").gpuIndex()).isEqualTo(1);
        assertThatThrownBy(() -> LoadOptions.defaults().withDevice("cuda"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("device must be cpu, gpu or gpu:N, was 'cuda'");
    }

    /** A store whose matrices are stored as {@code dtype} and whose norm vector is F32, as in real checkpoints. */
    private static TensorStore storeOf(String dtype) {
        List<StoredTensor> tensors = List.of(
                new StoredTensor("w", new long[] {64, 64}, dtype, 8192),
                new StoredTensor("norm", new long[] {64}, "F32", 256));
        return new TensorStore() {
            @Override
            public String format() {
                return "test";
            }

            @Override
            public List<StoredTensor> tensors() {
                return tensors;
            }

            @Override
            public Optional<StoredTensor> find(String name) {
                return tensors.stream().filter(tensor -> tensor.name().equals(name)).findFirst();
            }

            @Override
            public float[] readFloats(StoredTensor tensor) {
                throw new UnsupportedOperationException("not read by these tests");
            }

            @Override
            public void close() {
            }
        };
    }
}
