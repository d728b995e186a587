package io.reasoner.engine.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import io.reasoner.engine.TestModels;
import java.io.IOException;
import java.util.Arrays;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class Stories260KSequenceTest {

    private static final float TOLERANCE = 1e-4f;
    private static LanguageModel model;
    private static int[] prompt;

    @BeforeAll
    static void loadModel() throws IOException {
        model = ModelLoader.load(TestModels.stories260K());
        prompt = model.tokenizer().encode("Once upon a time, there was a little girl");
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void info_comesFromTheGgufMetadata() {
        assertThat(model.info()).isEqualTo(new ModelInfo("llama", "llama", 2048, 512, 1, 2));
    }

    @Test
    void batchedPrefill_matchesOneTokenAtATimeThroughTheKvCache() {
        float[] batched;
        try (Sequence sequence = model.newSequence(32)) {
            batched = sequence.prefill(prompt);
            assertThat(sequence.length()).isEqualTo(prompt.length);
        }
        float[] stepped;
        try (Sequence sequence = model.newSequence(32)) {
            stepped = sequence.prefill(new int[] {prompt[0]});
            for (int i = 1; i < prompt.length; i++) {
                stepped = sequence.step(prompt[i]);
            }
        }
        assertThat(batched).hasSize(512);
        assertClose(stepped, batched);
    }

    @Test
    void prefillInChunks_matchesOnePrefill() {
        try (Sequence whole = model.newSequence(32); Sequence chunked = model.newSequence(32)) {
            float[] expected = whole.prefill(prompt);
            chunked.prefill(Arrays.copyOfRange(prompt, 0, 4));
            float[] actual = chunked.prefill(Arrays.copyOfRange(prompt, 4, prompt.length));
            assertClose(actual, expected);
        }
    }

    @Test
    void interleavedSequences_doNotDisturbEachOther() {
        float[] alone;
        try (Sequence sequence = model.newSequence(16)) {
            sequence.prefill(new int[] {1});
            alone = sequence.step(prompt[1]);
        }
        try (Sequence first = model.newSequence(16); Sequence second = model.newSequence(16)) {
            first.prefill(new int[] {1});
            second.prefill(prompt);
            second.step(prompt[2]);
            assertClose(first.step(prompt[1]), alone);
        }
    }

    @Test
    void appendingPastCapacity_throwsAndLeavesTheSequenceUsable() {
        try (Sequence sequence = model.newSequence(4)) {
            sequence.prefill(new int[] {1, prompt[1], prompt[2]});

            assertThatThrownBy(() -> sequence.prefill(new int[] {prompt[3], prompt[4]}))
                    .isInstanceOf(SequenceCapacityException.class)
                    .hasMessage("cannot append 2 token(s) to a sequence holding 3 of at most 4 tokens");
            assertThat(sequence.length()).isEqualTo(3);
            assertThat(sequence.step(prompt[3])).hasSize(512);
            assertThatThrownBy(() -> sequence.step(prompt[4])).isInstanceOf(SequenceCapacityException.class);
        }
    }

    @Test
    void sequenceLongerThanTheContext_isRefused() {
        assertThatThrownBy(() -> model.newSequence(2049))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxTokens must be in [1, 2048], was 2049");
    }

    @Test
    void tokenOutsideTheVocabulary_isRejected() {
        try (Sequence sequence = model.newSequence(4)) {
            assertThatThrownBy(() -> sequence.step(512))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("token must be in [0, 511], was 512");
            assertThat(sequence.length()).isZero();
        }
    }

    @Test
    void steps_freeTheirNativeArrays_andClosingASequenceFreesItsCache() {
        TransformerModel llama = (TransformerModel) model;
        int before = llama.liveArrayCount();
        try (Sequence sequence = model.newSequence(64)) {
            sequence.prefill(prompt);
            int afterPrefill = llama.liveArrayCount();
            for (int i = 0; i < 20; i++) {
                sequence.step(prompt[i % prompt.length]);
            }
            assertThat(llama.liveArrayCount()).isEqualTo(afterPrefill);
        }
        assertThat(llama.liveArrayCount()).isEqualTo(before);
    }

    @Test
    void closedSequence_refusesWork() {
        Sequence sequence = model.newSequence(4);
        sequence.close();

        assertThatThrownBy(() -> sequence.step(1)).isInstanceOf(IllegalStateException.class)
                .hasMessage("sequence is closed");
    }

    private static void assertClose(float[] actual, float[] expected) {
        assertThat(actual).hasSameSizeAs(expected);
        for (int i = 0; i < expected.length; i++) {
            assertThat(actual[i]).as("logit %d", i).isCloseTo(expected[i], within(TOLERANCE));
        }
    }
}
