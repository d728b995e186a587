package io.reasoner.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.sampling.SamplingParams;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.io.IOException;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Resumption on the real tiny model: the resumed run recomputes the KV cache of everything streamed in one
 * prefill, where the uninterrupted run built it token by token, and must still continue with the same tokens.
 */
class Stories260KResumptionTest {

    private static LanguageModel model;
    private static Tokenizer tokenizer;
    private static int[] prompt;

    @BeforeAll
    static void loadModel() throws IOException {
        model = ModelLoader.load(TestModels.stories260K());
        tokenizer = model.tokenizer();
        prompt = tokenizer.encode("Once upon a time", true);
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void newlineDelimiter_greedy_resumesExactlyAfterEveryEvent() {
        Resumption.Run first = checkAll(ThinkingFormat.plain(tokenizer, "\n"),
                new ThinkingBudget(60, 0, 0, "Wait", "Final Answer:", 6), Sampler::greedy);

        assertThat(first.result().capFired()).isFalse();
        assertThat(first.result().answerTokens()).isEqualTo(6);
    }

    @Test
    void periodDelimiterBelowTheMinimum_extensions_resumeExactlyAfterEveryEvent() {
        Resumption.Run first = checkAll(ThinkingFormat.plain(tokenizer, "."),
                new ThinkingBudget(30, 20, 0, " Wait", "Final Answer:", 4), Sampler::greedy);

        assertThat(first.result().extensionsUsed()).isPositive();
    }

    @Test
    void multiTokenTextDelimiterBelowTheMinimum_rolledBack_resumesExactlyAfterEveryEvent() {
        ThinkingFormat format = ThinkingFormat.plain(tokenizer, ". She");
        assertThat(format.detectsEndByText()).isTrue();

        CountingModel counting = new CountingModel(model);
        Resumption resumption = new Resumption(counting, format,
                ForcingRequest.of(prompt, new ThinkingBudget(40, 25, 1, " Hmm", "Final Answer:", 4)), Sampler::greedy);

        Resumption.Run first = resumption.uninterrupted();
        assertThat(counting.calls()).anyMatch(call -> call.startsWith("truncate"));
        resumption.checkEveryBoundary(first);

        assertThat(first.result().extensionsUsed()).isPositive();
        assertThat(first.events()).filteredOn(TextDelta.class::isInstance)
                .noneMatch(event -> ((TextDelta) event).text().contains(". She"));
    }

    @Test
    void cap_forcesTheAnswer_andResumesExactlyAfterEveryEvent() {
        Resumption.Run first = checkAll(ThinkingFormat.plain(tokenizer, "\n"),
                new ThinkingBudget(10, 0, 0, "Wait", "Final Answer:", 6), Sampler::greedy);

        assertThat(first.result().capFired()).isTrue();
    }

    @Test
    void capRaisedThroughTheControl_resumesExactlyAfterEveryEvent() {
        ThinkingFormat format = ThinkingFormat.plain(tokenizer, "\n");
        ThinkingBudget budget = new ThinkingBudget(8, 0, 0, "Wait", "Final Answer:", 4);
        Resumption.Change raise = new Resumption.Change(5, control -> control.changeMaxThinkingTokens(14));
        Resumption resumption = new Resumption(new CountingModel(model), format, ForcingRequest.of(prompt, budget),
                Sampler::greedy, raise);

        Resumption.Run first = resumption.uninterrupted();
        resumption.checkEveryBoundary(first);

        assertThat(first.result().budget().maxThinkingTokens()).isEqualTo(14);
        assertThat(first.result().thinkingTokens()).isEqualTo(14);
        assertThat(first.result().capFired()).isTrue();
    }

    @Test
    void seededTopP_resumesExactlyAfterEveryEvent() {
        SamplingParams params = new SamplingParams(0.9f, 0.95f);

        Resumption.Run first = checkAll(ThinkingFormat.plain(tokenizer, "."),
                new ThinkingBudget(30, 10, 2, "Hmm", "Final Answer:", 6), () -> Sampler.seeded(params, 260));

        assertThat(first.result().thinkingTokens()).isBetween(10, 30);
    }

    private static Resumption.Run checkAll(ThinkingFormat format, ThinkingBudget budget,
                                           Supplier<Sampler> samplers) {
        Resumption resumption = new Resumption(new CountingModel(model), format, ForcingRequest.of(prompt, budget),
                samplers);
        Resumption.Run first = resumption.uninterrupted();
        resumption.checkEveryBoundary(first);
        return first;
    }
}
