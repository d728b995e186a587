package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.gguf.GgmlType;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The batched forward pass against the one-sequence-at-a-time pass it must reproduce: sequences of different
 * lengths advanced together, packed and with holes between their slots, prompts prefilled in chunks beside
 * decoding rows, and slots rolled back. Each model is a tiny random-weight one per architecture.
 */
class SequenceBatchTest {

    private static final double TOLERANCE = 1e-4;
    private static final int[][] PROMPTS = {{1}, {1, 259, 76, 3}, {1, 200, 120, 7, 33, 99, 259}};
    private static final int[][] STEPS = {{5, 17, 250}, {40, 41, 42}, {259, 3, 8}};

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(Architecture.class)
    void batchedPrefillAndSteps_matchEachSequenceRunAlone(Architecture architecture) throws IOException {
        try (LanguageModel model = load(architecture); SequenceBatch batch = model.newBatch(4, 16)) {
            float[][][] expected = alone(model);
            List<float[]> prefilled = batch.append(List.of(append(0, PROMPTS[0]), append(1, PROMPTS[1]),
                    append(2, PROMPTS[2])));
            for (int s = 0; s < PROMPTS.length; s++) {
                Logits.assertClose(prefilled.get(s), expected[s][0], TOLERANCE);
            }
            for (int t = 0; t < STEPS[0].length; t++) {
                List<float[]> stepped = batch.append(List.of(append(2, STEPS[2][t]), append(0, STEPS[0][t]),
                        append(1, STEPS[1][t])));
                Logits.assertClose(stepped.get(0), expected[2][t + 1], TOLERANCE);
                Logits.assertClose(stepped.get(1), expected[0][t + 1], TOLERANCE);
                Logits.assertClose(stepped.get(2), expected[1][t + 1], TOLERANCE);
            }
            assertThat(batch.length(0)).isEqualTo(PROMPTS[0].length + STEPS[0].length);
            assertThat(batch.length(2)).isEqualTo(PROMPTS[2].length + STEPS[2].length);
        }
    }

    /**
     * Both operand orders of every weight product (see {@link Projection}), forced rather than measured so each is
     * covered on any machine; the lone sequences' single rows always take the direct one.
     */
    @ParameterizedTest
    @CsvSource({"LLAMA, DIRECT", "LLAMA, FLIPPED", "QWEN3, DIRECT", "QWEN3, FLIPPED"})
    void sixteenSequencesOfDifferentLengths_matchEachRunAlone(Architecture architecture, MatmulOrder order)
            throws IOException {
        int slots = 17;
        try (LanguageModel model = load(architecture, order); SequenceBatch batch = model.newBatch(slots, 24)) {
            List<SlotAppend> prompts = new ArrayList<>();
            List<SlotAppend> steps = new ArrayList<>();
            float[][] expectedPrompt = new float[slots][];
            float[][] expectedStep = new float[slots][];
            for (int slot = 0; slot < slots; slot++) {
                int[] prompt = new int[1 + slot];
                int seed = slot;
                Arrays.setAll(prompt, i -> (31 * seed + 7 * i) % TinyModel.VOCAB);
                prompts.add(append(slot, prompt));
                steps.add(append(slot, 100 + slot));
                try (Sequence alone = model.newSequence(24)) {
                    expectedPrompt[slot] = alone.prefill(prompt);
                    expectedStep[slot] = alone.step(100 + slot);
                }
            }
            List<float[]> prefilled = batch.append(prompts);
            List<float[]> stepped = batch.append(steps);
            for (int slot = 0; slot < slots; slot++) {
                Logits.assertClose(prefilled.get(slot), expectedPrompt[slot], TOLERANCE);
                Logits.assertClose(stepped.get(slot), expectedStep[slot], TOLERANCE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"LLAMA", "QWEN3"})
    void decodingRowsAroundAPrefillingSlot_matchEachSequenceRunAlone(Architecture architecture) throws IOException {
        try (LanguageModel model = load(architecture); SequenceBatch batch = model.newBatch(3, 16)) {
            float[][][] expected = alone(model);
            batch.append(List.of(append(0, PROMPTS[0]), append(2, PROMPTS[2])));
            // Slot 1 prefills in two chunks while its neighbours decode: their rows are not packed.
            List<float[]> first = batch.append(List.of(append(0, STEPS[0][0]), append(1, Arrays.copyOf(PROMPTS[1], 2)),
                    append(2, STEPS[2][0])));
            Logits.assertClose(first.get(0), expected[0][1], TOLERANCE);
            Logits.assertClose(first.get(2), expected[2][1], TOLERANCE);
            List<float[]> second = batch.append(List.of(append(1, Arrays.copyOfRange(PROMPTS[1], 2, 4)),
                    append(2, STEPS[2][1]), append(0, STEPS[0][1])));
            Logits.assertClose(second.get(0), expected[1][0], TOLERANCE);
            Logits.assertClose(second.get(1), expected[2][2], TOLERANCE);
            Logits.assertClose(second.get(2), expected[0][2], TOLERANCE);
        }
    }

    @Test
    void decodingRowsWithAnEmptySlotBetween_matchEachSequenceRunAlone() throws IOException {
        try (LanguageModel model = load(Architecture.LLAMA); SequenceBatch batch = model.newBatch(4, 16)) {
            float[][][] expected = alone(model);
            batch.append(List.of(append(0, PROMPTS[0]), append(3, PROMPTS[2])));
            for (int t = 0; t < 2; t++) {
                List<float[]> stepped = batch.append(List.of(append(0, STEPS[0][t]), append(3, STEPS[2][t])));
                Logits.assertClose(stepped.get(0), expected[0][t + 1], TOLERANCE);
                Logits.assertClose(stepped.get(1), expected[2][t + 1], TOLERANCE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"LLAMA", "QWEN3"})
    void promptPrefilledInChunks_equalsOnePrefill(Architecture architecture) throws IOException {
        int[] prompt = PROMPTS[2];
        try (LanguageModel model = load(architecture); SequenceBatch batch = model.newBatch(1, 16);
             Sequence whole = model.newSequence(16)) {
            float[] expected = whole.prefill(prompt);
            batch.append(List.of(append(0, Arrays.copyOfRange(prompt, 0, 3))));
            batch.append(List.of(append(0, Arrays.copyOfRange(prompt, 3, 6))));
            float[] chunked = batch.append(List.of(append(0, Arrays.copyOfRange(prompt, 6, 7)))).get(0);

            Logits.assertClose(chunked, expected, TOLERANCE);
            Logits.assertClose(batch.append(List.of(append(0, 9))).get(0), whole.step(9), TOLERANCE);
        }
    }

    @ParameterizedTest
    @EnumSource(value = Architecture.class, names = {"LLAMA", "QWEN3"})
    void truncatedSequence_continuesAsIfTheDroppedTokensWereNeverAppended(Architecture architecture)
            throws IOException {
        try (LanguageModel model = load(architecture); Sequence rolledBack = model.newSequence(16);
             Sequence straight = model.newSequence(16)) {
            rolledBack.prefill(PROMPTS[1]);
            rolledBack.step(100);
            rolledBack.prefill(new int[] {101, 102, 103});
            rolledBack.truncate(PROMPTS[1].length);

            assertThat(rolledBack.length()).isEqualTo(PROMPTS[1].length);
            straight.prefill(PROMPTS[1]);
            Logits.assertClose(rolledBack.step(7), straight.step(7), TOLERANCE);
            Logits.assertClose(rolledBack.prefill(new int[] {8, 9}), straight.prefill(new int[] {8, 9}), TOLERANCE);
        }
    }

    @Test
    void truncatedSlot_continuesAsIfTheDroppedTokensWereNeverAppended() throws IOException {
        try (LanguageModel model = load(Architecture.LLAMA); SequenceBatch batch = model.newBatch(2, 16);
             Sequence straight = model.newSequence(16)) {
            batch.append(List.of(append(0, PROMPTS[2]), append(1, PROMPTS[1])));
            batch.append(List.of(append(0, 11), append(1, 12)));
            batch.truncate(0, 3);

            straight.prefill(Arrays.copyOf(PROMPTS[2], 3));
            Logits.assertClose(batch.append(List.of(append(0, 13), append(1, 14))).get(0), straight.step(13),
                    TOLERANCE);
        }
    }

    @Test
    void truncate_outsideTheSequence_isRejected() throws IOException {
        try (LanguageModel model = load(Architecture.LLAMA); Sequence sequence = model.newSequence(8)) {
            sequence.prefill(PROMPTS[1]);
            assertThatThrownBy(() -> sequence.truncate(5)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("newLength must be in [0, 4], was 5");
            assertThatThrownBy(() -> sequence.truncate(-1)).isInstanceOf(IllegalArgumentException.class);
            assertThat(sequence.length()).isEqualTo(4);
        }
    }

    @Test
    void refusedAppend_leavesEverySlotAsItWas() throws IOException {
        try (LanguageModel model = load(Architecture.LLAMA); SequenceBatch batch = model.newBatch(2, 4)) {
            batch.append(List.of(append(0, PROMPTS[1])));

            assertThatThrownBy(() -> batch.append(List.of(append(1, 5), append(0, 6))))
                    .isInstanceOf(SequenceCapacityException.class)
                    .hasMessage("cannot append 1 token(s) to a sequence holding 4 of at most 4 tokens");
            assertThatThrownBy(() -> batch.append(List.of(append(1, 5), append(1, 6))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("slot 1 appears more than once in one step");
            assertThatThrownBy(() -> batch.append(List.of(append(1, TinyModel.VOCAB))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("token must be in [0, 259], was 260");
            assertThatThrownBy(() -> batch.append(List.of(append(2, 5))))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("slot must be in [0, 1], was 2");
            assertThat(batch.length(0)).isEqualTo(4);
            assertThat(batch.length(1)).isZero();
        }
    }

    @Test
    void steps_freeTheirNativeArrays_andClosingTheBatchFreesItsCache() throws IOException {
        try (LanguageModel model = load(Architecture.QWEN3)) {
            TransformerModel transformer = (TransformerModel) model;
            int before = transformer.liveArrayCount();
            try (SequenceBatch batch = model.newBatch(3, 32)) {
                batch.append(List.of(append(0, PROMPTS[2]), append(2, PROMPTS[1])));
                int afterPrefill = transformer.liveArrayCount();
                for (int t = 0; t < 10; t++) {
                    batch.append(List.of(append(0, 5 + t), append(1, 7), append(2, 9)));
                }
                assertThat(transformer.liveArrayCount()).isEqualTo(afterPrefill);
            }
            assertThat(transformer.liveArrayCount()).isEqualTo(before);
        }
    }

    @Test
    void kvBytes_areLayersTimesKeysAndValuesTimesKvHeadsTimesHeadDimTimesFloatSize() throws IOException {
        TinyModel.Spec spec = TinyModel.llama();
        long perToken = (long) spec.layers() * 2 * spec.kvHeads() * spec.headDim() * Float.BYTES;
        try (LanguageModel model = load(Architecture.LLAMA); SequenceBatch batch = model.newBatch(3, 10)) {
            assertThat(model.kvBytesPerToken()).isEqualTo(perToken).isEqualTo(512);
            assertThat(batch.kvBytesPerSlot()).isEqualTo(10 * perToken);
        }
    }

    /** Logits of each prompt's prefill, then after each of its steps, one fresh sequence per prompt. */
    private static float[][][] alone(LanguageModel model) {
        float[][][] expected = new float[PROMPTS.length][][];
        for (int s = 0; s < PROMPTS.length; s++) {
            List<float[]> logits = new ArrayList<>();
            try (Sequence sequence = model.newSequence(16)) {
                logits.add(sequence.prefill(PROMPTS[s]));
                for (int token : STEPS[s]) {
                    logits.add(sequence.step(token));
                }
            }
            expected[s] = logits.toArray(float[][]::new);
        }
        return expected;
    }

    private LanguageModel load(Architecture architecture) throws IOException {
        return load(architecture, MatmulOrder.MEASURED);
    }

    private LanguageModel load(Architecture architecture, MatmulOrder order) throws IOException {
        TinyModel tiny = TinyModel.random(TinyModel.of(architecture), 21);
        return ModelLoader.load(tiny.writeGguf(dir.resolve(architecture.id() + ".gguf"), GgmlType.F32),
                LoadOptions.defaults().withMatmulOrder(order));
    }

    private static SlotAppend append(int slot, int... tokens) {
        return new SlotAppend(slot, tokens);
    }
}
