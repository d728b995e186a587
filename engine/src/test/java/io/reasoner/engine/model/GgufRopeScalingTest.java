package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.gguf.GgufFile;
import io.reasoner.engine.gguf.GgufTestWriter;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RoPE scaling read from GGUF keys and the {@code rope_freqs.weight} tensor, with llama.cpp's key names. */
class GgufRopeScalingTest {

    private static final int ROTATED = 16;
    private static final int CONTEXT = 2048;

    @TempDir
    Path dir;

    @Test
    void noScalingKeys_meanPlainRope() throws IOException {
        assertThat(read(new GgufTestWriter(3, 32))).isEqualTo(RopeScaling.none());
        assertThat(read(new GgufTestWriter(3, 32).string("qwen2.rope.scaling.type", "none")))
                .isEqualTo(RopeScaling.none());
    }

    @Test
    void yarn_readsFactorOriginalContextAndBetas() throws IOException {
        RopeScaling scaling = read(new GgufTestWriter(3, 32)
                .string("qwen2.rope.scaling.type", "yarn")
                .float32("qwen2.rope.scaling.factor", 8)
                .uint32("qwen2.rope.scaling.original_context_length", 4096)
                .float32("qwen2.rope.scaling.yarn_beta_fast", 16)
                .float32("qwen2.rope.scaling.yarn_beta_slow", 2));

        assertThat(scaling).isEqualTo(new RopeScaling.Yarn(8, 4096, 16, 2, 1 + 0.1 * Math.log(8), true));
    }

    @Test
    void yarnWithoutAnOriginalContext_takesTheContextLength_andDefaultBetas() throws IOException {
        RopeScaling scaling = read(new GgufTestWriter(3, 32)
                .string("qwen2.rope.scaling.type", "yarn")
                .float32("qwen2.rope.scaling.factor", 4));

        assertThat(scaling).isEqualTo(new RopeScaling.Yarn(4, CONTEXT, 32, 1, 1 + 0.1 * Math.log(4), true));
    }

    @Test
    void linear_readsTheFactor_orTheOlderScaleLinearKeyWithoutAType() throws IOException {
        assertThat(read(new GgufTestWriter(3, 32).string("qwen2.rope.scaling.type", "linear")
                .float32("qwen2.rope.scaling.factor", 2))).isEqualTo(new RopeScaling.Linear(2));
        assertThat(read(new GgufTestWriter(3, 32).float32("qwen2.rope.scale_linear", 4)))
                .isEqualTo(new RopeScaling.Linear(4));
    }

    @Test
    void frequencyFactorsTensor_isReadAsLlama3Scaling() throws IOException {
        float[] factors = {1, 1, 1.5f, 2, 4, 8, 8, 8};

        assertThat(read(new GgufTestWriter(3, 32).f32Tensor("rope_freqs.weight", new long[] {8}, factors)))
                .isEqualTo(new RopeScaling.FrequencyFactors(factors));
    }

    @Test
    void frequencyFactorsOfTheWrongLength_orWithAScalingType_areRefused() {
        assertThatThrownBy(() -> read(new GgufTestWriter(3, 32)
                .f32Tensor("rope_freqs.weight", new long[] {4}, 1, 2, 3, 4)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessageStartingWith("tensor 'rope_freqs.weight' must hold 8 F32 values, one per rotated pair");
        assertThatThrownBy(() -> read(new GgufTestWriter(3, 32)
                .string("qwen2.rope.scaling.type", "yarn")
                .f32Tensor("rope_freqs.weight", new long[] {8}, 1, 1, 1, 1, 1, 1, 1, 1)))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("RoPE frequency factors (tensor 'rope_freqs.weight') together with"
                        + " qwen2.rope.scaling.type 'yarn' are not supported");
    }

    @Test
    void yarnWithoutAFactor_isRefused() {
        assertThatThrownBy(() -> read(new GgufTestWriter(3, 32).string("qwen2.rope.scaling.type", "yarn")))
                .isInstanceOf(ModelLoadException.class)
                .hasMessage("qwen2.rope.scaling.type 'yarn' needs qwen2.rope.scaling.factor");
    }

    private RopeScaling read(GgufTestWriter writer) throws IOException {
        Path file = writer.writeTo(dir.resolve("scaling.gguf"));
        try (GgufFile gguf = GgufFile.open(file)) {
            return GgufRopeScaling.read(gguf, Architecture.QWEN2, ROTATED, CONTEXT);
        }
    }
}
