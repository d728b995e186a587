package io.reasoner.engine.budget;

import static io.reasoner.engine.budget.FakeTokenizer.EOS;
import static io.reasoner.engine.budget.FakeTokenizer.FOUR;
import static io.reasoner.engine.budget.FakeTokenizer.I;
import static io.reasoner.engine.budget.FakeTokenizer.IM_END;
import static io.reasoner.engine.budget.FakeTokenizer.IS;
import static io.reasoner.engine.budget.FakeTokenizer.SO;
import static io.reasoner.engine.budget.FakeTokenizer.THE;
import static io.reasoner.engine.budget.FakeTokenizer.THINK;
import static io.reasoner.engine.budget.Fixtures.PROMPT;
import static io.reasoner.engine.budget.Fixtures.TAGS;
import static io.reasoner.engine.budget.Fixtures.budget;
import static io.reasoner.engine.budget.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Mid-flight changes, made from the listener when a given text arrives: deterministic, and exactly what another
 * thread calling the control between two steps would do.
 */
class BudgetChangeForcingTest {

    private final BudgetControl control = new BudgetControl();
    private final Transcript transcript = new Transcript();

    @Test
    void raisedCap_letsThinkingContinuePastTheOldOne() {
        ScriptedModel model = new ScriptedModel().then(I, THINK, SO, THE, FOUR, IM_END);

        ForcingResult result = runChanging(model, budget(2, 0, 0), " think", c -> c.changeMaxThinkingTokens(4));

        assertThat(transcript.lines()).containsExactly(
                "think \" I\" 1/0", "think \" think\" 2/0", "BUDGET_CHANGED \"\" 2 ext=0 max=4",
                "think \" so\" 3/0", "think \" the\" 4/0", "CAP_FORCED \"Final Answer:\" 4 ext=0 max=4",
                "answer \"Final Answer:\" 4/0", "answer \" 4\" 4/1");
        assertThat(result.thinkingTokens()).isEqualTo(4);
        assertThat(result.budget().maxThinkingTokens()).isEqualTo(4);
    }

    @Test
    void loweredCapAboveWhatWasSpent_capsThinkingEarlier() {
        ScriptedModel model = new ScriptedModel().then(I, THINK, SO, FOUR, IM_END);

        ForcingResult result = runChanging(model, budget(10, 0, 0), " I", c -> c.changeMaxThinkingTokens(3));

        assertThat(transcript.controls()).containsExactly(ControlKind.BUDGET_CHANGED, ControlKind.CAP_FORCED);
        assertThat(result.thinkingTokens()).isEqualTo(3);
        assertThat(result.capFired()).isTrue();
    }

    @Test
    void loweredCapBelowWhatWasSpent_endsThinkingNow_withoutTakingTokensBack() {
        ScriptedModel model = new ScriptedModel().then(I, THINK, SO, FOUR, IM_END);

        ForcingResult result = runChanging(model, budget(10, 8, 0), " so", c -> c.changeMaxThinkingTokens(1));

        assertThat(transcript.lines()).containsSubsequence("think \" so\" 3/0",
                "BUDGET_CHANGED \"\" 3 ext=0 max=3", "CAP_FORCED \"Final Answer:\" 3 ext=0 max=3");
        // The cap never drops below the 3 tokens spent; the minimum of 8 falls with it.
        assertThat(result.budget()).isEqualTo(budget(3, 3, 0));
        assertThat(result.thinkingTokens()).isEqualTo(3);
        assertThat(model.calls()).contains("prefill[7, 4, 14, 15, 16]");
    }

    @Test
    void raisedExtensions_suppressAnEndThatWouldHaveBeenAllowed() {
        ScriptedModel model = new ScriptedModel().then(I, EOS, IS, EOS, FOUR, IM_END);

        ForcingResult result = runChanging(model, budget(10, 0, 0), " I", c -> c.changeExtensions(1));

        assertThat(transcript.controls()).containsExactly(ControlKind.BUDGET_CHANGED, ControlKind.WAIT_INJECTED);
        assertThat(transcript.thinking()).isEqualTo(" IWait is");
        assertThat(result.extensionsUsed()).isEqualTo(1);
        assertThat(result.budget().extensions()).isEqualTo(1);
    }

    @Test
    void changesMadeBetweenTwoSteps_mergeIntoOne() {
        ScriptedModel model = new ScriptedModel().then(I, EOS, THE, SO, IS, FOUR, IM_END);

        ForcingResult result = runChanging(model, budget(10, 0, 0), " I", c -> {
            c.changeMaxThinkingTokens(4);
            c.changeExtensions(1);
        });

        assertThat(transcript.controls()).containsExactly(ControlKind.BUDGET_CHANGED, ControlKind.WAIT_INJECTED,
                ControlKind.CAP_FORCED);
        assertThat(result.budget()).isEqualTo(budget(4, 0, 1));
        assertThat(result.thinkingTokens()).isEqualTo(4);
    }

    @Test
    void requestWithAControl_getsASequenceRoomyEnoughForARaisedCap() {
        ScriptedModel model = new ScriptedModel(300).then(I, IM_END, FOUR, IM_END);

        runChanging(model, budget(2, 0, 0), " I", c -> { });

        assertThat(model.lastCapacity()).isEqualTo(300);
    }

    private ForcingResult runChanging(ScriptedModel model, ThinkingBudget budget, String whenText,
                                      Consumer<BudgetControl> change) {
        ForcingListener changer = event -> {
            transcript.onEvent(event);
            if (event instanceof TextDelta delta && delta.text().equals(whenText)) {
                change.accept(control);
            }
        };
        return new BudgetForcer(model, TAGS).generate(ForcingRequest.of(PROMPT, budget).withControl(control),
                io.reasoner.engine.sampling.Sampler.greedy(), changer);
    }
}
