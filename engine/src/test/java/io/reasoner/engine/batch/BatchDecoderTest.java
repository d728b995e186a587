package io.reasoner.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.model.RandomModelWriter;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.sampling.Sampler;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Continuous batching on a real (tiny, random-weight) llama: every sequence must get exactly the logits it would
 * get decoded alone, whoever joins, prefills or leaves around it; admission must refuse what does not fit.
 */
class BatchDecoderTest {

    private static final double TOLERANCE = 1e-4;
    private static final int[] PROMPT_A = {1, 300 - 1, 260, 17};
    private static final int[] PROMPT_B = {1, 5, 6, 7, 8, 9, 10, 11, 12, 13};
    private static final int[] PROMPT_C = {1, 42};

    @TempDir
    static Path dir;
    private static LanguageModel model;
    private static long slotBytes;

    @BeforeAll
    static void loadModel() throws IOException {
        model = ModelLoader.load(RandomModelWriter.write(RandomModelWriter.Spec.tiny(), 7, dir.resolve("tiny.gguf")));
        slotBytes = model.kvBytesPerToken() * 32;
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void eachSequence_getsTheLogitsItWouldGetAlone_whileOthersJoinPrefillAndLeave() {
        List<float[]> aloneA = greedyAlone(PROMPT_A, 8);
        List<float[]> aloneC = greedyAlone(PROMPT_C, 8);
        try (BatchDecoder decoder = BatchDecoder.open(model, config(4).withPrefillChunkTokens(4))) {
            SequenceId a = decoder.join(new DecodeRequest(PROMPT_A, 10));
            Map<SequenceId, float[]> last = new HashMap<>(decoder.step(Map.of()).logits());
            List<float[]> batchedA = new ArrayList<>(List.of(last.get(a)));
            List<float[]> batchedC = new ArrayList<>();
            SequenceId b = null;
            SequenceId c = null;
            for (int step = 1; step < aloneA.size(); step++) {
                if (step == 1) {
                    b = decoder.join(new DecodeRequest(PROMPT_B, 10));
                }
                if (step == 2) {
                    c = decoder.join(new DecodeRequest(PROMPT_C, 10));
                }
                if (step == 5) {
                    decoder.leave(b);
                    last.remove(b);
                }
                Map<SequenceId, Integer> next = new HashMap<>();
                last.forEach((id, logits) -> next.put(id, Sampler.greedy().sample(logits)));
                last = new HashMap<>(decoder.step(next).logits());
                batchedA.add(last.get(a));
                if (c != null && last.containsKey(c)) {
                    batchedC.add(last.get(c));
                }
            }
            assertAllClose(batchedA, aloneA);
            assertAllClose(batchedC, aloneC.subList(0, batchedC.size()));
            assertThat(batchedC).hasSizeGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void longPrompt_isPrefilledAtMostNTokensPerStep_whileADecodingSequenceKeepsGettingLogits() {
        float[] wholePrompt;
        try (Sequence alone = model.newSequence(16)) {
            wholePrompt = alone.prefill(PROMPT_B);
        }
        try (BatchDecoder decoder = BatchDecoder.open(model, config(2).withPrefillChunkTokens(4))) {
            SequenceId a = decoder.join(new DecodeRequest(PROMPT_A, 10));
            decoder.step(Map.of());
            SequenceId b = decoder.join(new DecodeRequest(PROMPT_B, 5));
            List<Integer> prefilled = new ArrayList<>();
            StepResult result;
            do {
                result = decoder.step(Map.of(a, 20));
                prefilled.add(result.prefilledTokens());
                assertThat(result.logits()).containsKey(a);
                assertThat(result.decodedTokens()).isEqualTo(1);
            } while (decoder.isPrefilling(b));

            assertThat(prefilled).containsExactly(4, 4, 2);
            assertThat(decoder.length(b)).isEqualTo(PROMPT_B.length);
            assertClose(result.logits().get(b), wholePrompt);
        }
    }

    @Test
    void admission_isRefusedOnceTheKvBudgetsSlotsAreTaken_andAllowedAgainWhenOneLeaves() {
        BatchConfig config = new BatchConfig(8, 32, 16, slotBytes * 5 / 2);
        try (BatchDecoder decoder = BatchDecoder.open(model, config)) {
            assertThat(decoder.totalKvBytes()).isEqualTo(2 * slotBytes);
            SequenceId first = decoder.join(new DecodeRequest(PROMPT_A, 20));
            decoder.join(new DecodeRequest(PROMPT_C, 20));
            assertThat(decoder.usedKvBytes()).isEqualTo(2 * slotBytes);

            assertThatThrownBy(() -> decoder.join(new DecodeRequest(PROMPT_C, 5)))
                    .isInstanceOf(AdmissionException.class)
                    .hasMessageStartingWith("KV-cache budget exhausted: all 2 slots of 32 tokens are in use")
                    .extracting(e -> ((AdmissionException) e).reason()).isEqualTo(AdmissionException.Reason.KV_BUDGET);

            decoder.leave(first);
            assertThat(decoder.usedKvBytes()).isEqualTo(slotBytes);
            decoder.join(new DecodeRequest(PROMPT_C, 5));
            assertThat(decoder.freeSlots()).isZero();
        }
    }

    @Test
    void admission_isRefusedWhenTheBatchIsFull_evenWithBudgetToSpare() {
        try (BatchDecoder decoder = BatchDecoder.open(model, new BatchConfig(1, 32, 16, 100 * slotBytes))) {
            decoder.join(new DecodeRequest(PROMPT_A, 1));

            assertThatThrownBy(() -> decoder.join(new DecodeRequest(PROMPT_C, 1)))
                    .isInstanceOf(AdmissionException.class)
                    .hasMessage("batch full: maxBatchSize (1) sequences are decoding")
                    .extracting(e -> ((AdmissionException) e).reason()).isEqualTo(AdmissionException.Reason.BATCH_FULL);
        }
    }

    @Test
    void promptPlusOutput_beyondTheContextOrTheSlot_isRefused_andTakesNoSlot() {
        try (BatchDecoder decoder = BatchDecoder.open(model, config(2))) {
            assertThatThrownBy(() -> decoder.join(new DecodeRequest(PROMPT_B, 119)))
                    .isInstanceOf(AdmissionException.class)
                    .hasMessage("prompt (10 tokens) + maxNewTokens (119) = 129 tokens exceeds the model's context"
                            + " length of 128 tokens")
                    .extracting(e -> ((AdmissionException) e).reason())
                    .isEqualTo(AdmissionException.Reason.CONTEXT_LENGTH);
            assertThatThrownBy(() -> decoder.join(new DecodeRequest(PROMPT_B, 23)))
                    .isInstanceOf(AdmissionException.class)
                    .hasMessage("prompt (10 tokens) + maxNewTokens (23) = 33 tokens exceeds maxSequenceTokens (32),"
                            + " the KV-cache slot every sequence reserves")
                    .extracting(e -> ((AdmissionException) e).reason())
                    .isEqualTo(AdmissionException.Reason.SEQUENCE_CAPACITY);
            assertThat(decoder.usedKvBytes()).isZero();
            assertThat(decoder.freeSlots()).isEqualTo(2);
        }
    }

    @Test
    void budgetBelowOneSlot_orSlotBeyondTheContext_isRejectedWhenOpening() {
        assertThatThrownBy(() -> BatchDecoder.open(model, new BatchConfig(4, 32, 16, slotBytes - 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("kvBudgetBytes must hold at least one sequence of maxSequenceTokens (32 tokens = "
                        + slotBytes + " bytes), was " + (slotBytes - 1));
        assertThatThrownBy(() -> BatchDecoder.open(model, new BatchConfig(4, 129, 16, 1L << 30)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxSequenceTokens must be in [1, 128] (the model's context length), was 129");
    }

    @Test
    void logitsHook_changesTheLogitsBeforeTheyAreHandedOut() {
        float[] plain;
        try (Sequence alone = model.newSequence(8)) {
            plain = alone.prefill(PROMPT_A);
        }
        int favourite = Sampler.greedy().sample(plain);
        try (BatchDecoder decoder = BatchDecoder.open(model, config(1))) {
            SequenceId id = decoder.join(new DecodeRequest(PROMPT_A, 4,
                    logits -> logits[favourite] = Float.NEGATIVE_INFINITY));

            float[] hooked = decoder.step(Map.of()).logits().get(id);
            assertThat(hooked[favourite]).isEqualTo(Float.NEGATIVE_INFINITY);
            assertThat(Sampler.greedy().sample(hooked)).isNotEqualTo(favourite);
            hooked[favourite] = plain[favourite];
            assertClose(hooked, plain);
        }
    }

    @Test
    void appendedText_isPrefilledLikeAPrompt_andTruncateTakesItBack() {
        float[] expected;
        try (Sequence alone = model.newSequence(16)) {
            alone.prefill(PROMPT_A);
            expected = alone.step(33);
        }
        try (BatchDecoder decoder = BatchDecoder.open(model, config(1).withPrefillChunkTokens(2))) {
            SequenceId id = decoder.join(new DecodeRequest(PROMPT_A, 10));
            decoder.step(Map.of());
            decoder.step(Map.of());
            decoder.append(id, new int[] {50, 51, 52});
            assertThat(decoder.step(Map.of()).logits()).isEmpty();
            assertThat(decoder.step(Map.of()).logits()).containsKey(id);
            assertThat(decoder.length(id)).isEqualTo(PROMPT_A.length + 3);

            decoder.truncate(id, PROMPT_A.length);
            assertClose(decoder.step(Map.of(id, 33)).logits().get(id), expected);
        }
    }

    @Test
    void tokenForASequenceStillPrefilling_isRefused_andTheStepChangesNothing() {
        try (BatchDecoder decoder = BatchDecoder.open(model, config(2).withPrefillChunkTokens(4))) {
            SequenceId ready = decoder.join(new DecodeRequest(PROMPT_C, 4));
            decoder.step(Map.of());
            SequenceId joining = decoder.join(new DecodeRequest(PROMPT_B, 4));

            assertThatThrownBy(() -> decoder.step(Map.of(ready, 5, joining, 6)))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("cannot give a token to " + joining + " while 10 of its tokens are still to prefill;"
                            + " wait for the step that returns its logits");
            assertThatThrownBy(() -> decoder.step(Map.of(ready, 300)))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("token must be in [0, 299], was 300");
            assertThat(decoder.length(ready)).isEqualTo(PROMPT_C.length);
            assertThat(decoder.length(joining)).isZero();
        }
    }

    @Test
    void forwardTime_isReadFromTheInjectedTicker() {
        long[] now = {0};
        try (BatchDecoder decoder = BatchDecoder.open(model, config(1), () -> now[0] += 1_000)) {
            decoder.join(new DecodeRequest(PROMPT_C, 2));

            assertThat(decoder.step(Map.of()).forwardNanos()).isEqualTo(1_000);
            assertThat(decoder.step(Map.of())).isEqualTo(StepResult.idle());
        }
    }

    private static BatchConfig config(int maxBatchSize) {
        return BatchConfig.of(maxBatchSize, 32, 64L * slotBytes);
    }

    /** Logits after the prompt, then after each greedily chosen token, for {@code steps} vectors in all. */
    private static List<float[]> greedyAlone(int[] prompt, int steps) {
        List<float[]> logits = new ArrayList<>();
        try (Sequence sequence = model.newSequence(32)) {
            logits.add(sequence.prefill(prompt));
            while (logits.size() < steps) {
                logits.add(sequence.step(Sampler.greedy().sample(logits.get(logits.size() - 1))));
            }
        }
        return logits;
    }

    private static void assertAllClose(List<float[]> actual, List<float[]> expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.size(); i++) {
            assertClose(actual.get(i), expected.get(i));
        }
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("logit %d", i).isCloseTo(expected[i], within((float) TOLERANCE));
        }
    }
}
