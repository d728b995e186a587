package io.reasoner.engine.budget;

import static io.reasoner.engine.budget.FakeTokenizer.BOS;
import static io.reasoner.engine.budget.FakeTokenizer.FOUR;
import static io.reasoner.engine.budget.FakeTokenizer.I;
import static io.reasoner.engine.budget.FakeTokenizer.IS;
import static io.reasoner.engine.budget.FakeTokenizer.LT;
import static io.reasoner.engine.budget.FakeTokenizer.Q;
import static io.reasoner.engine.budget.FakeTokenizer.SLASH;
import static io.reasoner.engine.budget.FakeTokenizer.SO;
import static io.reasoner.engine.budget.FakeTokenizer.THE;
import static io.reasoner.engine.budget.FakeTokenizer.THINK;
import static io.reasoner.engine.budget.Fixtures.PROMPT;
import static io.reasoner.engine.budget.Fixtures.TAGS;
import static io.reasoner.engine.budget.Fixtures.TEXT_END;
import static io.reasoner.engine.budget.Fixtures.budget;
import static io.reasoner.engine.budget.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.model.SequenceCapacityException;
import org.junit.jupiter.api.Test;

class StopConditionsTest {

    private final Transcript transcript = new Transcript();

    @Test
    void cancellation_isCheckedOncePerStep_andEndsWithCancelled() {
        ScriptedModel model = new ScriptedModel().then(I, THINK, SO, THE);
        int[] checks = {0};
        ForcingRequest request = ForcingRequest.of(PROMPT, budget(10, 0, 0))
                .withCancellation(() -> ++checks[0] > 2);

        ForcingResult result = run(model, TAGS, request, transcript);

        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(checks[0]).isEqualTo(3);
        assertThat(result.thinkingTokens()).isEqualTo(2);
        assertThat(transcript.thinking()).isEqualTo(" I think");
        assertThat(model.calls()).containsExactly("prefill[1, 29]", "step 23");
    }

    @Test
    void cancellationWhileTokensAreHeld_releasesThemAsThinking() {
        ScriptedModel model = new ScriptedModel().then(I, LT, SLASH);
        ForcingRequest request = ForcingRequest.of(PROMPT, budget(10, 0, 0))
                .withCancellation(() -> transcript.thinking().equals(" I") && model.unusedPasses() == 0);

        ForcingResult result = run(model, TEXT_END, request, transcript);

        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(transcript.thinking()).isEqualTo(" I</");
        assertThat(result.thinkingTokens()).isEqualTo(3);
    }

    @Test
    void cancelledBeforeTheFirstStep_neverTouchesTheModel() {
        ScriptedModel model = new ScriptedModel();

        ForcingResult result = run(model, TAGS, ForcingRequest.of(PROMPT, budget(10, 0, 0))
                .withCancellation(() -> true), transcript);

        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(model.calls()).isEmpty();
        assertThat(transcript.events()).isEmpty();
    }

    @Test
    void contextRunningOutWhileThinking_endsWithContextFull() {
        // A control sizes the sequence to the whole (tiny) context: 2 prompt tokens + 3 more.
        ScriptedModel model = new ScriptedModel(5).then(I, THINK, SO, THE);

        ForcingResult result = run(model, TAGS, ForcingRequest.of(PROMPT, budget(10, 0, 0))
                .withControl(new BudgetControl()), transcript);

        assertThat(result.finishReason()).isEqualTo(FinishReason.CONTEXT_FULL);
        assertThat(result.thinkingTokens()).isEqualTo(4);
        assertThat(model.contents()).containsExactly(BOS, Q, I, THINK, SO);
    }

    @Test
    void promptLongerThanTheContext_isRefusedBeforeAnyForwardPass() {
        ScriptedModel model = new ScriptedModel(1).then(IS);

        assertThatThrownBy(() -> run(model, TAGS, budget(10, 0, 0), transcript))
                .isInstanceOf(SequenceCapacityException.class);
        assertThat(model.calls()).isEmpty();
    }

    @Test
    void answerCapOfOne_stopsAfterTheFirstAnswerToken() {
        ScriptedModel model = new ScriptedModel().then(FOUR);

        ForcingResult result = run(model, TAGS, budget(0, 0, 0).withMaxAnswerTokens(1), transcript);

        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(transcript.answer()).isEqualTo("Final Answer: 4");
    }
}
