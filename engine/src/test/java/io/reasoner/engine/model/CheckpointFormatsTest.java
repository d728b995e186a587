package io.reasoner.engine.model;

import io.reasoner.engine.gguf.GgmlType;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The same weights as a GGUF file and as Hugging Face folders load to the same logits. For llama this also proves
 * that interleaved RoPE on llama.cpp's permuted Q/K rows equals rotate_half on the original ones.
 */
class CheckpointFormatsTest {

    private static final int[] TOKENS = {1, 259, 76, 3, 200};

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void ggufAndSafetensors_singleFileOrSharded_giveTheSameLogits(Architecture architecture) throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.of(architecture), 21);

        float[] gguf = Logits.afterGguf(tiny, dir, GgmlType.F32, TOKENS);
        Logits.assertClose(Logits.afterHuggingFace(tiny, dir, "F32", 1, TOKENS), gguf, 1e-4);
        Logits.assertClose(Logits.afterHuggingFace(tiny, dir, "F32", 3, TOKENS), gguf, 1e-4);
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void halfPrecisionCheckpoints_inEitherFormat_widenToTheLogitsOfTheirValues(Architecture architecture)
            throws IOException {
        // Weights that BF16 (and F16) hold exactly, so every form below stores the same numbers.
        TinyModel tiny = TinyModel.random(TinyModel.of(architecture), 22).roundedTo("BF16");
        float[] f32 = Logits.afterGguf(tiny, dir, GgmlType.F32, TOKENS);

        Logits.assertClose(Logits.afterGguf(tiny, dir, GgmlType.BF16, TOKENS), f32, 1e-4);
        Logits.assertClose(Logits.afterHuggingFace(tiny, dir, "BF16", 2, TOKENS), f32, 1e-4);
        Logits.assertClose(Logits.afterGguf(tiny, dir, GgmlType.F16, TOKENS), f32, 1e-4);
        Logits.assertClose(Logits.afterHuggingFace(tiny, dir, "F16", 1, TOKENS), f32, 1e-4);
    }
}
