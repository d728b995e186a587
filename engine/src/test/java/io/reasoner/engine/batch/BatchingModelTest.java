package io.reasoner.engine.batch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.budget.BudgetForcer;
import io.reasoner.engine.budget.ForcingRequest;
import io.reasoner.engine.budget.ForcingResult;
import io.reasoner.engine.budget.TextDelta;
import io.reasoner.engine.budget.ThinkingBudget;
import io.reasoner.engine.budget.ThinkingFormat;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.model.Sequence;
import io.reasoner.engine.sampling.Sampler;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Budget forcing written against one sequence, run on many threads over a {@link BatchingModel}: each request must
 * get exactly the text it gets alone, while the forward passes are shared.
 */
class BatchingModelTest {

    private static final Duration WINDOW = Duration.ofMillis(50);
    private static final Duration STEP_TIMEOUT = Duration.ofSeconds(60);
    private static final String[] PROMPTS = {"Once upon a time", "The cat", "Tom and Sue went", "One day, a big"};

    private static LanguageModel model;
    private static ThinkingFormat format;

    @BeforeAll
    static void loadModel() throws IOException {
        model = ModelLoader.load(TestModels.stories260K());
        format = ThinkingFormat.plain(model.tokenizer(), "\n");
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void concurrentForcedRequests_getTheirAloneText_fromSharedForwardPasses() throws Exception {
        List<String> alone = new ArrayList<>();
        for (String prompt : PROMPTS) {
            alone.add(run(model, prompt, budget(prompt)));
        }
        try (BatchingModel batching = BatchingModel.open(model, BatchConfig.of(4, 512, Long.MAX_VALUE), WINDOW,
                STEP_TIMEOUT)) {
            ExecutorService threads = Executors.newFixedThreadPool(PROMPTS.length);
            try {
                List<Future<String>> batched = new ArrayList<>();
                for (String prompt : PROMPTS) {
                    batched.add(threads.submit(() -> run(batching, prompt, budget(prompt))));
                }
                for (int i = 0; i < PROMPTS.length; i++) {
                    assertThat(batched.get(i).get(2, TimeUnit.MINUTES)).as(PROMPTS[i]).isEqualTo(alone.get(i));
                }
            } finally {
                threads.shutdownNow();
            }
            BatchCounters.Snapshot counters = batching.counters();
            // Four requests of 40-70 tokens each, decoded together: far fewer passes than tokens.
            assertThat(counters.meanDecodeBatch()).isGreaterThan(2.0);
            assertThat(counters.decodedTokens()).isGreaterThan(100);
        }
    }

    @Test
    void aMultiTokenDelimiterRolledBackMidBatch_leavesTheOthersUntouched() throws Exception {
        // "She" starts several sentences of the story; written before the minimum, it is truncated away.
        ThinkingFormat byText = ThinkingFormat.plain(model.tokenizer(), ". She");
        ThinkingBudget rollsBack = new ThinkingBudget(90, 60, 0, "Wait", "Final Answer:", 12);
        String aloneText = run(model, byText, PROMPTS[0], rollsBack);
        String aloneOther = run(model, PROMPTS[1], budget(PROMPTS[1]));
        try (BatchingModel batching = BatchingModel.open(model, BatchConfig.of(2, 512, Long.MAX_VALUE), WINDOW,
                STEP_TIMEOUT)) {
            ExecutorService threads = Executors.newFixedThreadPool(2);
            try {
                Future<String> text = threads.submit(() -> run(batching, byText, PROMPTS[0], rollsBack));
                Future<String> other = threads.submit(() -> run(batching, PROMPTS[1], budget(PROMPTS[1])));
                assertThat(text.get(2, TimeUnit.MINUTES)).isEqualTo(aloneText).contains("Wait");
                assertThat(other.get(2, TimeUnit.MINUTES)).isEqualTo(aloneOther);
            } finally {
                threads.shutdownNow();
            }
        }
    }

    @Test
    void aBadTokenFailsItsOwnSequenceOnly() {
        try (BatchingModel batching = BatchingModel.open(model, BatchConfig.of(2, 64, Long.MAX_VALUE), WINDOW,
                STEP_TIMEOUT);
                Sequence good = batching.newSequence(64);
                Sequence bad = batching.newSequence(64)) {
            good.prefill(new int[] {1, 400});
            bad.prefill(new int[] {1, 401});
            int vocab = model.info().vocabSize();

            assertThatThrownBy(() -> bad.step(vocab)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("token must be in [0, " + (vocab - 1) + "]");
            assertThat(good.step(402)).hasSize(vocab);
            assertThat(good.length()).isEqualTo(3);
            assertThat(bad.length()).isEqualTo(2);
        }
    }

    @Test
    void moreSequencesThanSlots_isRefusedAtTheFirstPrefill_andASlotFreedByCloseIsReused() {
        try (BatchingModel batching = BatchingModel.open(model, BatchConfig.of(1, 32, Long.MAX_VALUE), WINDOW,
                STEP_TIMEOUT)) {
            Sequence first = batching.newSequence(32);
            first.prefill(new int[] {1, 400});
            try (Sequence second = batching.newSequence(32)) {
                assertThatThrownBy(() -> second.prefill(new int[] {1, 400})).isInstanceOf(AdmissionException.class)
                        .hasMessageContaining("batch full");
            }
            first.close();
            try (Sequence third = batching.newSequence(32)) {
                assertThat(third.prefill(new int[] {1, 400})).hasSize(model.info().vocabSize());
            }
            assertThat(batching.slots()).isEqualTo(1);
        }
    }

    @Test
    void capacityIsTheSlotSize_whenMoreIsAsked() {
        try (BatchingModel batching = BatchingModel.open(model, BatchConfig.of(1, 16, Long.MAX_VALUE), WINDOW,
                STEP_TIMEOUT);
                Sequence sequence = batching.newSequence(model.info().contextLength())) {
            assertThat(sequence.capacity()).isEqualTo(16);
            assertThatThrownBy(() -> sequence.prefill(new int[17]))
                    .hasMessageContaining("17");
        }
    }

    @Test
    void aSequenceWhoseThreadIsAway_delaysTheOthersByTheWindowOnly() {
        try (BatchingModel batching = BatchingModel.open(model, BatchConfig.of(2, 64, Long.MAX_VALUE), WINDOW,
                STEP_TIMEOUT);
                Sequence idle = batching.newSequence(64);
                Sequence busy = batching.newSequence(64)) {
            idle.prefill(new int[] {1, 400}); // joined, then never steps again
            busy.prefill(new int[] {1, 401});
            for (int i = 0; i < 5; i++) {
                busy.step(402 + i);
            }
            assertThat(busy.length()).isEqualTo(7);
            assertThat(batching.counters().decodedTokens()).isEqualTo(5);
        }
    }

    private static ThinkingBudget budget(String prompt) {
        return new ThinkingBudget(20 + prompt.length(), 0, 0, "Wait", "Final Answer:", 24);
    }

    private static String run(LanguageModel on, String prompt, ThinkingBudget budget) {
        return run(on, format, prompt, budget);
    }

    private static String run(LanguageModel on, ThinkingFormat thinking, String prompt, ThinkingBudget budget) {
        StringBuilder text = new StringBuilder();
        ForcingResult result = new BudgetForcer(on, thinking).generate(
                ForcingRequest.of(on.tokenizer().encode(prompt, true), budget), Sampler.greedy(), event -> {
                    if (event instanceof TextDelta delta) {
                        text.append(delta.phase()).append(':').append(delta.text()).append('|');
                    }
                });
        return text + " finish=" + result.finishReason() + " thinking=" + result.thinkingTokens() + " answer="
                + result.answerTokens();
    }
}
