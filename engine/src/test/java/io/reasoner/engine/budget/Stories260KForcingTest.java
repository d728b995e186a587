package io.reasoner.engine.budget;

import static org.assertj.core.api.Assertions.assertThat;

import io.reasoner.engine.TestModels;
import io.reasoner.engine.decode.DecodingLoop;
import io.reasoner.engine.decode.GenerationRequest;
import io.reasoner.engine.model.LanguageModel;
import io.reasoner.engine.model.ModelLoader;
import io.reasoner.engine.sampling.Sampler;
import io.reasoner.engine.tokenizer.Tokenizer;
import java.io.IOException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The forcer on the real tiny model, which has no thinking template: thinking is the story up to a configurable
 * delimiter text (a newline here), or up to the end of the story, which this model marks with BOS.
 */
class Stories260KForcingTest {

    private static LanguageModel model;
    private static Tokenizer tokenizer;
    private static int[] prompt;

    private final Transcript transcript = new Transcript();

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
    void newlineEndsThinking_andTheAnswerRunsOnAsPlainDecodingWould() {
        ThinkingFormat format = ThinkingFormat.plain(tokenizer, "\n");
        assertThat(format.end().tokens()).containsExactly(tokenizer.encode("\n", false)[1]); // <0x0A>, no "▁"

        ForcingResult result = generate(format, new ThinkingBudget(200, 0, 0, "Wait", "Final Answer:", 12));

        assertThat(transcript.thinking()).isEqualTo(", there was a little girl named Lily. She loved to play outside"
                + " in the park. One day, she saw a big, red ball. She wanted to play with it, but it was too high.");
        assertThat(result.capFired()).isFalse();
        assertThat(result.injectedTokens()).isZero(); // the model wrote the newline itself
        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        // One pass with the model's own delimiter kept: exactly the text of unforced greedy decoding.
        assertThat(transcript.thinking() + "\n" + transcript.answer())
                .isEqualTo(plainGreedy(result.thinkingTokens() + 1 + result.answerTokens()));
    }

    @Test
    void endOfStory_endsThinking_andIsReplacedByTheDelimiter() {
        ThinkingFormat format = ThinkingFormat.plain(tokenizer, "###");

        ForcingResult result = generate(format, new ThinkingBudget(500, 0, 0, "Wait", "Final Answer:", 8));

        assertThat(result.capFired()).isFalse();
        assertThat(result.thinkingTokens()).isBetween(100, 499);
        assertThat(result.injectedTokens()).isEqualTo(format.end().length());
        assertThat(result.answerTokens()).isPositive();
        assertThat(transcript.thinking()).contains("Lily").doesNotContain("###");
    }

    @Test
    void minimumAboveTheFirstNewline_turnsEachNewlineIntoWait() {
        ForcingResult result = generate(ThinkingFormat.plain(tokenizer, "\n"),
                new ThinkingBudget(160, 120, 0, " Wait", "Final Answer:", 4));

        assertThat(result.extensionsUsed()).isPositive();
        assertThat(transcript.controls()).startsWith(ControlKind.WAIT_INJECTED);
        assertThat(transcript.thinking()).contains("high. Wait").doesNotContain("\n");
        assertThat(result.thinkingTokens()).isBetween(120, 160);
    }

    @Test
    void cap_cutsTheStory_andForcesTheAnswerPrefix() {
        ForcingResult result = generate(ThinkingFormat.plain(tokenizer, "\n"),
                new ThinkingBudget(10, 0, 0, "Wait", "Final Answer:", 6));

        assertThat(result.thinkingTokens()).isEqualTo(10);
        assertThat(result.capFired()).isTrue();
        assertThat(transcript.thinking()).isEqualTo(", there was a little girl named Lily");
        assertThat(transcript.answer()).startsWith("Final Answer:");
        assertThat(result.injectedTokens()).isEqualTo(1 + MidStreamEncoding.encode(tokenizer, "Final Answer:").length);
    }

    private ForcingResult generate(ThinkingFormat format, ThinkingBudget budget) {
        return new BudgetForcer(model, format).generate(ForcingRequest.of(prompt, budget), Sampler.greedy(),
                transcript);
    }

    private String plainGreedy(int tokens) {
        StringBuilder text = new StringBuilder();
        new DecodingLoop(model).generate(new GenerationRequest(prompt, tokens), Sampler.greedy(), (token, delta) -> {
            text.append(delta);
            return true;
        });
        return text.toString();
    }
}
