package io.reasoner.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ResultStatus;

/** The session on the real tiny model (stories260K). */
class ReasoningSessionTest {

    private static LanguageModel model;
    private final List<ReasoningChunk> chunks = new ArrayList<>();

    @BeforeAll
    static void load() throws Exception {
        model = ModelLoader.load(Path.of(System.getProperty("reasoner.root"))
                .resolve("../shared/models/stories260K/stories260K.gguf"));
    }

    @AfterAll
    static void close() {
        model.close();
    }

    private static ReasoningSession session() {
        return new ReasoningSession(model, (sampling, id) -> Sampler.greedy(), 3, 10_000, () -> 0L);
    }

    private static ReasoningRequest request(String prompt, Budget budget) {
        return new ReasoningRequest("r", null, null, prompt, budget, null, null, null, Map.of(), 0);
    }

    @Test
    void thinkingTakesTheFirstCapTokens_thenTheAnswer_streamedAsGapFreeChunks() {
        SessionOutcome outcome = session().run(request("Once upon a time", Budget.of(10, 12)), chunks::add,
                () -> false);

        assertThat(outcome.status()).isEqualTo(ResultStatus.DONE);
        assertThat(outcome.usage().thinkingTokens()).isEqualTo(10);
        assertThat(outcome.usage().answerTokens()).isBetween(1, 12);
        assertThat(outcome.usage().promptTokens()).isGreaterThan(1);
        assertThat(chunks).extracting(ReasoningChunk::seq)
                .containsExactlyElementsOf(java.util.stream.LongStream.range(0, chunks.size()).boxed().toList());
        assertThat(outcome.chunkCount()).isEqualTo(chunks.size());
        assertThat(text(Phase.THINKING)).isEqualTo(outcome.thinking());
        assertThat(text(Phase.ANSWER)).isEqualTo(outcome.answer());
        if (outcome.finishReason() == FinishReason.LENGTH) {
            assertThat(outcome.usage().answerTokens()).isEqualTo(12);
        }
    }

    @Test
    void greedyDecoding_isDeterministic() {
        SessionOutcome first = session().run(request("The dog", Budget.of(8, 8)), chunk -> { }, () -> false);
        SessionOutcome second = session().run(request("The dog", Budget.of(8, 8)), chunk -> { }, () -> false);

        assertThat(second.thinking()).isEqualTo(first.thinking());
        assertThat(second.answer()).isEqualTo(first.answer());
    }

    @Test
    void promptPlusBudgetBeyondTheContext_failsWithAClearReasonAndNoChunks() {
        int context = model.info().contextLength();
        SessionOutcome outcome = session().run(request("Once upon a time", Budget.of(context / 2, context / 2)),
                chunks::add, () -> false);

        assertThat(outcome.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(outcome.error()).contains("exceeds the model's context of " + context + " tokens");
        assertThat(chunks).isEmpty();
    }

    @Test
    void cancellation_stopsAtTheNextStep() {
        int[] steps = {0};
        SessionOutcome outcome = session().run(request("Once upon a time", Budget.of(50, 50)), chunks::add,
                () -> ++steps[0] > 5);

        assertThat(outcome.status()).isEqualTo(ResultStatus.CANCELLED);
        assertThat(outcome.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(outcome.usage().thinkingTokens()).isEqualTo(5);
    }

    private String text(Phase phase) {
        return chunks.stream().filter(c -> c.phase() == phase).map(ReasoningChunk::text).collect(Collectors.joining());
    }
}
