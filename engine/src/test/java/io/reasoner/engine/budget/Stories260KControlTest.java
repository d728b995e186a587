package io.reasoner.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.sampling.SamplingParams;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Control as s1 defines it: the share of runs whose thinking-token count lies within the budget's [min, max]. s1
 * reports 100% for budget forcing; so must this forcer, on the real tiny model, over many requests that vary the
 * budget, the extension text, the end delimiter, the prompt and the sampling. Budgets are small to stay quick.
 */
class Stories260KControlTest {

    private static final int REQUESTS = 240;
    private static final List<String> PROMPTS = List.of("Once upon a time", "Lily and her mom", "One day, a little dog",
            "Tom had a red ball", "The sun was hot", "Sara liked to", "In the park", "Max saw a big");
    private static final List<String> EXTENSIONS = List.of("Wait", "Hmm", "Alternatively", " Wait");
    private static final List<String> END_TEXTS = List.of(".", ",", "\n");

    private static LanguageModel model;

    @BeforeAll
    static void loadModel() throws IOException {
        model = ModelLoader.load(TestModels.stories260K());
    }

    @AfterAll
    static void closeModel() {
        model.close();
    }

    @Test
    void thinkingTokens_lieWithinMinAndMax_inEveryRun() {
        SplittableRandom random = new SplittableRandom(260);
        List<String> outOfBudget = new ArrayList<>();
        int extended = 0;
        int capped = 0;
        int endedAfterMinimum = 0;
        for (int i = 0; i < REQUESTS; i++) {
            ThinkingBudget budget = randomBudget(random);
            ThinkingFormat format = ThinkingFormat.plain(model.tokenizer(), END_TEXTS.get(i % END_TEXTS.size()));
            int[] prompt = model.tokenizer().encode(PROMPTS.get(i % PROMPTS.size()), true);
            Sampler sampler = i % 2 == 0 ? Sampler.greedy()
                    : Sampler.of(new SamplingParams(0.9f, 0.95f), new SplittableRandom(i));
            Transcript transcript = new Transcript();

            ForcingResult result = new BudgetForcer(model, format).generate(ForcingRequest.of(prompt, budget),
                    sampler, transcript);

            int thinking = result.thinkingTokens();
            if (thinking < budget.minThinkingTokens() || thinking > budget.maxThinkingTokens()) {
                outOfBudget.add("#" + i + " " + budget + " " + result);
            }
            assertReportsAgree(result, transcript);
            extended += result.extensionsUsed() > 0 ? 1 : 0;
            capped += result.capFired() ? 1 : 0;
            endedAfterMinimum += !result.capFired() && budget.minThinkingTokens() > 0 ? 1 : 0;
        }

        double share = 1.0 - (double) outOfBudget.size() / REQUESTS;
        assertThat(outOfBudget).as("runs outside [min, max]").isEmpty();
        assertThat(share).isEqualTo(1.0);
        // The runs exercised every way thinking ends, not just the cap.
        assertThat(extended).isGreaterThan(REQUESTS / 10);
        assertThat(capped).isGreaterThan(REQUESTS / 10);
        assertThat(endedAfterMinimum).isGreaterThan(REQUESTS / 20);
    }

    private static ThinkingBudget randomBudget(SplittableRandom random) {
        int max = random.nextInt(41);
        int min = random.nextInt(max + 1);
        return new ThinkingBudget(max, min, random.nextInt(5), EXTENSIONS.get(random.nextInt(EXTENSIONS.size())),
                "Final Answer:", 1 + random.nextInt(3));
    }

    /** The stream and the result tell the same story: counts in the last delta, one event per intervention. */
    private static void assertReportsAgree(ForcingResult result, Transcript transcript) {
        List<ControlKind> controls = transcript.controls();
        assertThat(controls.stream().filter(ControlKind.WAIT_INJECTED::equals).count())
                .isEqualTo(result.extensionsUsed());
        assertThat(controls.contains(ControlKind.CAP_FORCED)).isEqualTo(result.capFired());
        transcript.events().stream().filter(TextDelta.class::isInstance).map(TextDelta.class::cast)
                .reduce((first, second) -> second)
                .ifPresent(last -> {
                    assertThat(last.thinkingTokens()).isEqualTo(result.thinkingTokens());
                    assertThat(last.answerTokens()).isLessThanOrEqualTo(result.answerTokens());
                });
    }
}
