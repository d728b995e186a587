package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.gguf.GgmlType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each supported architecture, as a tiny random-weight GGUF model: shapes, the KV cache against full prefills,
 * and the logits against {@link ReferenceForward}, an independent plain-loop implementation of the Hugging Face
 * maths. The reference check is what catches bias, RoPE-layout, q/k-norm and GQA mistakes, which the
 * self-consistency checks cannot see.
 */
class ArchitecturesTest {

    private static final int[] TOKENS = {1, 259, 76, 3, 200, 120};

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void logits_haveOneScorePerEmbeddingRow_andInfoComesFromTheMetadata(Architecture architecture)
            throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.of(architecture), 11);
        Path file = tiny.writeGguf(dir.resolve("m.gguf"), GgmlType.F32);

        try (LanguageModel model = ModelLoader.load(file); Sequence sequence = model.newSequence(16)) {
            assertThat(model.info()).isEqualTo(new ModelInfo("tiny-" + architecture.id(), architecture.id(), 64,
                    TinyModel.VOCAB, 1, 2));
            float[] logits = sequence.prefill(TOKENS);
            assertThat(logits).hasSize(TinyModel.VOCAB);
            assertThat(sequence.step(5)).hasSize(TinyModel.VOCAB).isNotEqualTo(logits);
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void eachKvCacheStep_matchesAFullPrefillOfTheSamePrefix(Architecture architecture) throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.of(architecture), 12);
        Path file = tiny.writeGguf(dir.resolve("m.gguf"), GgmlType.F32);

        try (LanguageModel model = ModelLoader.load(file); Sequence stepped = model.newSequence(16)) {
            float[] logits = stepped.prefill(new int[] {TOKENS[0]});
            for (int length = 2; length <= TOKENS.length; length++) {
                logits = stepped.step(TOKENS[length - 1]);
                try (Sequence whole = model.newSequence(16)) {
                    Logits.assertClose(logits, whole.prefill(Arrays.copyOf(TOKENS, length)), 1e-4);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void everyPosition_matchesThePlainJavaReference(Architecture architecture) throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.of(architecture), 13);
        int[] tokens = Arrays.copyOf(TOKENS, 5);
        double[][] expected = new ReferenceForward(tiny).logits(tokens);

        try (LanguageModel model = ModelLoader.load(tiny.writeGguf(dir.resolve("m.gguf"), GgmlType.F32));
             Sequence sequence = model.newSequence(8)) {
            for (int t = 0; t < tokens.length; t++) {
                float[] actual = t == 0 ? sequence.prefill(new int[] {tokens[0]}) : sequence.step(tokens[t]);
                for (int i = 0; i < TinyModel.VOCAB; i++) {
                    assertThat((double) actual[i]).as("position %d logit %d", t, i)
                            .isCloseTo(expected[t][i], org.assertj.core.data.Offset.offset(1e-4));
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void referenceLogits_spreadWidely_soTheComparisonsAboveAreNotTrivial(Architecture architecture) {
        double[] last = new ReferenceForward(TinyModel.random(TinyModel.of(architecture), 13))
                .logits(Arrays.copyOf(TOKENS, 5))[4];

        double min = Arrays.stream(last).min().orElseThrow();
        double max = Arrays.stream(last).max().orElseThrow();
        assertThat(max - min).isGreaterThan(2); // ten thousand times the 1e-4 tolerance
    }
}
