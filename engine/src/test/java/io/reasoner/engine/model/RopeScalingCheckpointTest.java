package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.gguf.GgmlType;
import io.reasoner.engine.gguf.GgufTestWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.function.Consumer;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Tiny random-weight models with each kind of RoPE scaling, written as llama.cpp's converter and as a Hugging Face
 * checkpoint would carry it: both load to the same logits, those logits are the plain-loop reference's with the
 * published formulas' frequencies, they differ from the unscaled model's, and the KV cache agrees with full
 * prefills. Scaling parameters are chosen so that every regime of each rule falls within a 16-dim head and the
 * 20 positions used.
 */
class RopeScalingCheckpointTest {

    private static final int[] TOKENS = {1, 259, 76, 3, 200, 120, 45, 9, 180, 33, 250, 7, 99, 140, 61, 18, 230, 5,
            77, 201};

    @TempDir
    Path dir;

    /** A scaling, the architecture it is tried on, and how each format writes it. */
    enum Scaling {
        /** Llama 3.1's rule on llama (original context 32: pair 0 kept, pair 1 blended, the rest divided). */
        LLAMA3(TinyModel.llama(),
                """
                {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
                 "original_max_position_embeddings": 32}""",
                writer -> writer.tensor("rope_freqs.weight", new long[] {8}, GgmlType.F32,
                        RopeFormulas.llama3GgufFactors(10_000, 16, 8, 1, 4, 32))) {
            @Override
            double[] inverseFrequencies() {
                return RopeFormulas.llama3(10_000, 16, 8, 1, 4, 32);
            }
        },
        /** Linear on qwen3, whose q/k norm makes RoPE run over the query and key heads only; old-style "type". */
        LINEAR(TinyModel.qwen3(),
                """
                {"type": "linear", "factor": 2.0}""",
                writer -> writer.string("qwen3.rope.scaling.type", "linear")
                        .float32("qwen3.rope.scaling.factor", 2)) {
            @Override
            double[] inverseFrequencies() {
                return RopeFormulas.linear(1_000_000, 32, 2);
            }
        },
        /** YaRN on qwen2 as Qwen2.5 configures it (ramp from pair 0 to 2 for an original context of 64). */
        YARN(TinyModel.qwen2(),
                """
                {"type": "yarn", "factor": 4.0, "original_max_position_embeddings": 64}""",
                writer -> writer.string("qwen2.rope.scaling.type", "yarn")
                        .float32("qwen2.rope.scaling.factor", 4)
                        .uint32("qwen2.rope.scaling.original_context_length", 64)) {
            @Override
            double[] inverseFrequencies() {
                return RopeFormulas.yarn(1_000_000, 16, 4, 64, 32, 1);
            }

            @Override
            double attentionFactor() {
                return RopeFormulas.yarnAttentionFactor(4);
            }
        };

        final TinyModel.Spec spec;
        final String configJson;
        final Consumer<GgufTestWriter> gguf;

        Scaling(TinyModel.Spec spec, String configJson, Consumer<GgufTestWriter> gguf) {
            this.spec = spec;
            this.configJson = configJson;
            this.gguf = gguf;
        }

        abstract double[] inverseFrequencies();

        double attentionFactor() {
            return 1;
        }
    }

    @ParameterizedTest
    @EnumSource(Scaling.class)
    void ggufAndHuggingFace_giveTheSameScaledLogits(Scaling scaling) throws IOException {
        TinyModel tiny = TinyModel.random(scaling.spec, 71);

        float[] gguf = Logits.after(writeGguf(tiny, scaling), LoadOptions.defaults(), TOKENS);
        float[] huggingFace = Logits.after(writeHuggingFace(tiny, scaling), huggingFaceOptions(), TOKENS);

        Logits.assertClose(huggingFace, gguf, 1e-4);
    }

    @ParameterizedTest
    @EnumSource(Scaling.class)
    void scaledLogits_matchTheReferenceWithThePublishedFrequencies_andDifferFromUnscaledOnes(Scaling scaling)
            throws IOException {
        TinyModel tiny = TinyModel.random(scaling.spec, 72);
        double[][] reference = new ReferenceForward(tiny, scaling.inverseFrequencies(), scaling.attentionFactor())
                .logits(TOKENS);
        float[] expected = toFloats(reference[TOKENS.length - 1]);

        float[] scaled = Logits.after(writeHuggingFace(tiny, scaling), huggingFaceOptions(), TOKENS);
        float[] unscaled = Logits.afterHuggingFace(tiny, dir, "F32", 1, TOKENS);

        Logits.assertClose(scaled, expected, 1e-4);
        assertThat(Logits.maxAbsDifference(unscaled, scaled)).as("change made by the scaling").isGreaterThan(0.05);
    }

    @ParameterizedTest
    @EnumSource(Scaling.class)
    void kvCacheSteps_matchFullPrefills_withScaling(Scaling scaling) throws IOException {
        TinyModel tiny = TinyModel.random(scaling.spec, 73);

        try (LanguageModel model = ModelLoader.load(writeGguf(tiny, scaling));
             Sequence stepped = model.newSequence(32)) {
            float[] logits = stepped.prefill(Arrays.copyOf(TOKENS, 4));
            for (int length = 5; length <= TOKENS.length; length++) {
                logits = stepped.step(TOKENS[length - 1]);
                if (length % 5 == 0) {
                    try (Sequence whole = model.newSequence(32)) {
                        Logits.assertClose(logits, whole.prefill(Arrays.copyOf(TOKENS, length)), 1e-4);
                    }
                }
            }
        }
    }

    private Path writeGguf(TinyModel tiny, Scaling scaling) throws IOException {
        return tiny.writeGguf(dir.resolve(scaling + ".gguf"), GgmlType.F32, scaling.gguf);
    }

    private Path writeHuggingFace(TinyModel tiny, Scaling scaling) throws IOException {
        Path folder = tiny.writeHuggingFace(dir.resolve(scaling + "-hf"), "F32", 1);
        Path config = folder.resolve("config.json");
        String json = Files.readString(config);
        assertThat(json).contains("\"rope_scaling\": null");
        Files.writeString(config, json.replace("\"rope_scaling\": null", "\"rope_scaling\": " + scaling.configJson));
        return folder;
    }

    private static LoadOptions huggingFaceOptions() {
        return LoadOptions.defaults().withTokenizers(TinyModel.tokenizerProvider());
    }

    private static float[] toFloats(double[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = (float) values[i];
        }
        return floats;
    }
}
