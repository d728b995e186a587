package io.reasoner.engine.budget;

import static io.reasoner.engine.budget.FakeTokenizer.BOS;
import static io.reasoner.engine.budget.FakeTokenizer.END_THINK;
import static io.reasoner.engine.budget.FakeTokenizer.EOS;
import static io.reasoner.engine.budget.FakeTokenizer.FOUR;
import static io.reasoner.engine.budget.FakeTokenizer.HMM;
import static io.reasoner.engine.budget.FakeTokenizer.I;
import static io.reasoner.engine.budget.FakeTokenizer.IM_END;
import static io.reasoner.engine.budget.FakeTokenizer.IS;
import static io.reasoner.engine.budget.FakeTokenizer.Q;
import static io.reasoner.engine.budget.FakeTokenizer.SO;
import static io.reasoner.engine.budget.FakeTokenizer.THE;
import static io.reasoner.engine.budget.FakeTokenizer.THINK;
import static io.reasoner.engine.budget.FakeTokenizer.WAIT;
import static io.reasoner.engine.budget.Fixtures.PROMPT;
import static io.reasoner.engine.budget.Fixtures.TAGS;
import static io.reasoner.engine.budget.Fixtures.budget;
import static io.reasoner.engine.budget.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExtensionForcingTest {

    private final Transcript transcript = new Transcript();

    @Test
    void endOfThinkingBeforeTheMinimum_isDropped_andWaitAppended() {
        ScriptedModel model = new ScriptedModel().then(I, THINK, END_THINK, SO, END_THINK, FOUR, IM_END);

        ForcingResult result = run(model, TAGS, budget(10, 4, 0), transcript);

        // The first </think> is never fed: after " think" comes "Wait". The second one, at the minimum, is kept.
        assertThat(model.calls()).containsExactly("prefill[1, 29]", "step 23", "step 24", "step 6", "step 7",
                "step 4", "step 11");
        assertThat(transcript.lines()).containsExactly(
                "think \" I\" 1/0", "think \" think\" 2/0",
                "WAIT_INJECTED \"Wait\" 3 ext=1 max=10", "think \"Wait\" 3/0",
                "think \" so\" 4/0", "answer \" 4\" 4/1");
        assertThat(result).isEqualTo(new ForcingResult(FinishReason.STOP, 2, 4, 1, 1, 1, false,
                budget(10, 4, 0)));
        assertThat(model.contents()).containsExactly(BOS, Q, I, THINK, WAIT, SO, END_THINK, FOUR);
    }

    @Test
    void requestedExtensions_suppressThatManyEnds_thenThinkingEndsNaturally() {
        ScriptedModel model = new ScriptedModel().then(I, EOS, SO, IM_END, THE, EOS, FOUR, IM_END);
        ThinkingBudget budget = budget(20, 0, 2).withExtensionText(" Hmm");

        ForcingResult result = run(model, TAGS, budget, transcript);

        assertThat(transcript.controls()).containsExactly(ControlKind.WAIT_INJECTED, ControlKind.WAIT_INJECTED);
        assertThat(transcript.thinking()).isEqualTo(" I Hmm so Hmm the");
        assertThat(transcript.answer()).isEqualTo(" 4");
        // The third EOS may end thinking: it is replaced by </think>, and no answer prefix is forced.
        assertThat(model.contents()).containsExactly(BOS, Q, I, HMM, SO, HMM, THE, END_THINK, FOUR);
        assertThat(result).isEqualTo(new ForcingResult(FinishReason.STOP, 2, 5, 1, 3, 2, false, budget));
    }

    @Test
    void eosDuringThinking_whenThinkingMayEnd_isReplacedByTheEndDelimiter() {
        ScriptedModel model = new ScriptedModel().then(I, EOS, FOUR, EOS);

        ForcingResult result = run(model, TAGS, budget(10, 0, 0), transcript);

        assertThat(model.calls()).containsExactly("prefill[1, 29]", "step 23", "step 4", "step 11");
        assertThat(result.thinkingTokens()).isEqualTo(1);
        assertThat(result.injectedTokens()).isEqualTo(1);
        assertThat(result.capFired()).isFalse();
        assertThat(transcript.answer()).isEqualTo(" 4");
    }

    @Test
    void extensionThatWouldPassTheCap_isNotAppended_andThinkingMayEndInstead() {
        // "Wait so" is two tokens: after " I", "Wait so", " the" thinking holds 4 of 5, no room for another.
        ScriptedModel model = new ScriptedModel().then(I, EOS, THE, EOS, FOUR, IM_END);
        ThinkingBudget budget = budget(5, 0, 3).withExtensionText("Wait so");

        ForcingResult result = run(model, TAGS, budget, transcript);

        assertThat(model.calls()).containsExactly("prefill[1, 29]", "step 23", "prefill[6, 7]", "step 8",
                "step 4", "step 11");
        assertThat(result).isEqualTo(new ForcingResult(FinishReason.STOP, 2, 4, 1, 3, 1, false, budget));
    }

    @Test
    void belowTheMinimumWithoutRoomForAnExtension_endingTokensAreMasked_soTheModelThinksOn() {
        // At 3 of min = max = 4, "Wait so" no longer fits: EOS and </think> are masked and " is" comes out.
        ScriptedModel model = new ScriptedModel().then(I, THE, SO).ranking(EOS, END_THINK, IS).then(FOUR, EOS);
        ThinkingBudget budget = budget(4, 4, 0).withExtensionText("Wait so");

        ForcingResult result = run(model, TAGS, budget, transcript);

        assertThat(transcript.thinking()).isEqualTo(" I the so is");
        assertThat(result.thinkingTokens()).isEqualTo(4);
        assertThat(result.extensionsUsed()).isZero();
        assertThat(result.capFired()).isTrue();
        assertThat(transcript.controls()).containsExactly(ControlKind.CAP_FORCED);
    }

    @Test
    void requestProcessors_seeTheState_butCannotUndoTheBudgetMask() {
        List<DecodingState> seen = new ArrayList<>();
        LogitsProcessor favourEos = (logits, state) -> {
            seen.add(state);
            logits[EOS] = 100;
        };
        ScriptedModel model = new ScriptedModel().ranking(I).ranking(THE).ranking(IS).ranking(FOUR);
        ThinkingBudget budget = budget(2, 2, 0).withExtensionText("Wait so the");
        ForcingRequest request = ForcingRequest.of(PROMPT, budget).withProcessors(List.of(favourEos));

        ForcingResult result = run(model, TAGS, request, transcript);

        // Thinking: masked EOS twice, so " I" and " the"; then the cap. Answer: EOS is allowed and ends it.
        assertThat(transcript.thinking()).isEqualTo(" I the");
        assertThat(result.finishReason()).isEqualTo(FinishReason.STOP);
        assertThat(result.answerTokens()).isZero();
        assertThat(seen).extracting(DecodingState::phase)
                .containsExactly(Phase.THINKING, Phase.THINKING, Phase.ANSWER);
        assertThat(seen.get(1)).isEqualTo(new DecodingState(Phase.THINKING, 3, 1, 0, 0, budget));
    }
}
