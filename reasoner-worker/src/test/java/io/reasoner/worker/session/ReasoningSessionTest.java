package io.reasoner.worker.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.reasoner.engine.budget.BudgetControl;
import io.reasoner.engine.budget.ThinkingFormat;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.template.ChatTemplate;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.ControlKind;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ResultStatus;

/** The session with budget forcing on the real tiny model (stories260K: no template, a newline ends thinking). */
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
        return new ReasoningSession(model, model.info().contextLength(), ThinkingFormat.plain(model.tokenizer(), "\n"),
                new PromptRenderer(ChatTemplate.rawPrompt()), (sampling, id) -> Sampler.greedy(), 3, 10_000,
                () -> 0L);
    }

    private static ReasoningRequest request(String prompt, Budget budget) {
        return new ReasoningRequest("r", null, null, prompt, null, budget, null, null, null, Map.of(), 0);
    }

    private SessionOutcome run(Budget budget) {
        return session().run(request("Once upon a time", budget), chunks::add, () -> false, new BudgetControl());
    }

    @Test
    void capReached_forcesTheAnswerWithItsPrefix_streamedAsGapFreeChunksWithACapMarker() {
        SessionOutcome outcome = run(Budget.of(10, 12));

        assertThat(outcome.status()).isEqualTo(ResultStatus.DONE);
        assertThat(outcome.usage().thinkingTokens()).isEqualTo(10);
        assertThat(outcome.forcing().capFired()).isTrue();
        assertThat(outcome.answer()).startsWith("Final Answer:");
        assertThat(chunks).extracting(ReasoningChunk::seq)
                .containsExactlyElementsOf(LongStream.range(0, chunks.size()).boxed().toList());
        assertThat(outcome.chunkCount()).isEqualTo(chunks.size());
        assertThat(chunks).filteredOn(c -> c.control() != null).extracting(ReasoningChunk::control)
                .containsExactly(ControlKind.CAP_FORCED);
        assertThat(text(Phase.THINKING)).isEqualTo(outcome.thinking());
        assertThat(text(Phase.ANSWER)).isEqualTo(outcome.answer());
        ReasoningChunk last = chunks.get(chunks.size() - 1);
        assertThat(last.thinkingTokens()).isEqualTo(outcome.usage().thinkingTokens());
        assertThat(last.answerTokens()).isEqualTo(outcome.usage().answerTokens());
    }

    @Test
    void minimumThinking_turnsEndingsIntoWaits_andKeepsThinkingWithinBudget() {
        SessionOutcome outcome = run(new Budget(80, 60, 2, "Wait", null, 16));

        assertThat(outcome.usage().thinkingTokens()).isBetween(60, 80);
        assertThat(outcome.forcing().extensionsUsed()).isPositive();
        assertThat(outcome.thinking()).contains("Wait");
        assertThat(chunks).extracting(ReasoningChunk::control).contains(ControlKind.WAIT_INJECTED);
        assertThat(outcome.applied().minThinkingTokens()).isEqualTo(60);
    }

    @Test
    void greedyDecoding_isDeterministic() {
        SessionOutcome first = run(Budget.of(8, 8));
        SessionOutcome second = run(Budget.of(8, 8));

        assertThat(second.thinking()).isEqualTo(first.thinking());
        assertThat(second.answer()).isEqualTo(first.answer());
    }

    @Test
    void promptPlusBudgetBeyondTheContext_failsWithAClearReasonAndNoChunks() {
        int context = model.info().contextLength();
        SessionOutcome outcome = run(Budget.of(context / 2, context / 2));

        assertThat(outcome.status()).isEqualTo(ResultStatus.FAILED);
        assertThat(outcome.error()).contains("exceeds the model's context of " + context + " tokens");
        assertThat(chunks).isEmpty();
    }

    @Test
    void cancellation_stopsWithinAStep() {
        int[] steps = {0};
        SessionOutcome outcome = session().run(request("Once upon a time", Budget.of(50, 50)), chunks::add,
                () -> ++steps[0] > 5, new BudgetControl());

        assertThat(outcome.status()).isEqualTo(ResultStatus.CANCELLED);
        assertThat(outcome.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(outcome.usage().thinkingTokens()).isLessThanOrEqualTo(5);
    }

    @Test
    void aBudgetLoweredMidFlight_endsThinkingAtTheNextStep_andIsReported() {
        BudgetControl control = new BudgetControl();
        SessionOutcome outcome = session().run(request("Once upon a time", new Budget(60, 50, 0, null, null, 8)),
                chunk -> {
                    chunks.add(chunk);
                    if (chunk.thinkingTokens() >= 6) {
                        control.changeMaxThinkingTokens(6);
                    }
                }, () -> false, control);

        assertThat(chunks).extracting(ReasoningChunk::control).contains(ControlKind.BUDGET_CHANGED);
        assertThat(outcome.forcing().capFired()).isTrue();
        assertThat(outcome.usage().thinkingTokens()).isLessThan(60);
        assertThat(outcome.applied().maxThinkingTokens()).isLessThan(60);
    }

    @Test
    void resumingAfterAnyChunk_continuesWithExactlyTheChunksAnUninterruptedRunWrote() {
        // Below-minimum newlines become "Wait", the cap forces the answer: every kind of chunk is a resume point.
        Budget budget = new Budget(70, 40, 3, "Wait", "Final Answer:", 12);
        SessionOutcome whole = run(budget);
        List<ReasoningChunk> reference = List.copyOf(chunks);
        assertThat(reference).extracting(ReasoningChunk::control).contains(ControlKind.WAIT_INJECTED,
                ControlKind.CAP_FORCED);

        for (int k = 1; k < reference.size(); k++) {
            List<ReasoningChunk> streamed = reference.subList(0, k);
            List<ReasoningChunk> rest = new ArrayList<>();
            SessionOutcome resumed = session().resume(request("Once upon a time", budget), streamed, rest::add,
                    () -> false, new BudgetControl());

            List<ReasoningChunk> joined = new ArrayList<>(streamed);
            joined.addAll(rest);
            assertThat(texts(joined)).as("after chunk %d", k - 1).isEqualTo(texts(reference));
            assertThat(joined).extracting(ReasoningChunk::seq)
                    .containsExactlyElementsOf(LongStream.range(0, joined.size()).boxed().toList());
            assertThat(resumed.thinking()).isEqualTo(whole.thinking());
            assertThat(resumed.answer()).isEqualTo(whole.answer());
            assertThat(resumed.usage()).isEqualTo(whole.usage());
            assertThat(resumed.forcing()).isEqualTo(whole.forcing());
            assertThat(resumed.chunkCount()).isEqualTo(whole.chunkCount());
        }
    }

    @Test
    void chunksWithoutResumePoints_cannotBeResumed() {
        ReasoningChunk foreign = new ReasoningChunk("r", 0, Phase.THINKING, "text", 1, 0);

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> session().resume(
                request("Once upon a time", Budget.of(8, 8)), List.of(foreign), chunks::add, () -> false,
                new BudgetControl())).hasMessageContaining("chunk 0 of r carries no resume point");
    }

    private static List<String> texts(List<ReasoningChunk> list) {
        return list.stream().map(chunk -> chunk.phase() + ":" + chunk.control() + ":" + chunk.text() + ":"
                + chunk.thinkingTokens() + "/" + chunk.answerTokens()).toList();
    }

    private String text(Phase phase) {
        return chunks.stream().filter(c -> c.phase() == phase).map(ReasoningChunk::text).collect(Collectors.joining());
    }
}
