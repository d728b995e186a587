package io.reasoner.engine.budget;

import static io.reasoner.engine.budget.FakeTokenizer.ANSWER;
import static io.reasoner.engine.budget.FakeTokenizer.BOS;
import static io.reasoner.engine.budget.FakeTokenizer.END;
import static io.reasoner.engine.budget.FakeTokenizer.FOUR;
import static io.reasoner.engine.budget.FakeTokenizer.GT;
import static io.reasoner.engine.budget.FakeTokenizer.GT_BANG;
import static io.reasoner.engine.budget.FakeTokenizer.I;
import static io.reasoner.engine.budget.FakeTokenizer.IM_END;
import static io.reasoner.engine.budget.FakeTokenizer.IS;
import static io.reasoner.engine.budget.FakeTokenizer.LT;
import static io.reasoner.engine.budget.FakeTokenizer.LT_SLASH;
import static io.reasoner.engine.budget.FakeTokenizer.O_LT;
import static io.reasoner.engine.budget.FakeTokenizer.Q;
import static io.reasoner.engine.budget.FakeTokenizer.SLASH;
import static io.reasoner.engine.budget.FakeTokenizer.SO;
import static io.reasoner.engine.budget.FakeTokenizer.THE;
import static io.reasoner.engine.budget.FakeTokenizer.WAIT;
import static io.reasoner.engine.budget.Fixtures.TEXT_END;
import static io.reasoner.engine.budget.Fixtures.budget;
import static io.reasoner.engine.budget.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The end delimiter "</end>" spans four tokens, so it is found in the text; nothing of it may leak. */
class TextDelimiterForcingTest {

    private final Transcript transcript = new Transcript();

    @Test
    void multiTokenDelimiterBeforeTheMinimum_isHeldBack_rolledBack_andReplacedByWait() {
        ScriptedModel model = new ScriptedModel().then(I, LT, SLASH, END, GT, SO, THE, ANSWER, IS,
                LT, SLASH, END, GT, FOUR, IM_END);

        ForcingResult result = run(model, TEXT_END, budget(20, 6, 0), transcript);

        // "<", "/", "end" were fed while they might have been thinking; once ">" completes the delimiter they are
        // taken back out of the KV cache and ">" is never fed.
        assertThat(model.calls()).startsWith("prefill[1, 29]", "step 23", "step 17", "step 18", "step 19",
                "truncate 3", "step 6");
        assertThat(transcript.lines()).containsExactly(
                "think \" I\" 1/0",
                "WAIT_INJECTED \"Wait\" 2 ext=1 max=20", "think \"Wait\" 2/0",
                "think \" so\" 3/0", "think \" the\" 4/0", "think \" answer\" 5/0", "think \" is\" 6/0",
                "answer \" 4\" 6/1");
        // At the minimum the model's own "</end>" stays: it counts as neither thinking nor answer.
        assertThat(model.contents()).containsExactly(BOS, Q, I, WAIT, SO, THE, ANSWER, IS, LT, SLASH, END, GT, FOUR);
        assertThat(result).isEqualTo(new ForcingResult(FinishReason.STOP, 2, 6, 1, 1, 1, false, budget(20, 6, 0)));
    }

    @Test
    void textThatOnlyLooksLikeTheDelimiterStart_isReleasedOnceItDiverges() {
        ScriptedModel model = new ScriptedModel().then(I, LT, SLASH, THE, GT, IM_END, FOUR, IM_END);

        ForcingResult result = run(model, TEXT_END, budget(20, 0, 0), transcript);

        assertThat(transcript.lines()).startsWith("think \" I\" 1/0", "think \"</ the\" 4/0", "think \">\" 5/0");
        assertThat(result.thinkingTokens()).isEqualTo(5);
        assertThat(model.calls()).doesNotContain("truncate 3");
    }

    @Test
    void textAroundTheDelimiterInsideItsTokens_goesToThinkingBeforeAndAnswerAfter() {
        ScriptedModel model = new ScriptedModel().then(I, O_LT, SLASH, END, GT_BANG, FOUR, IM_END);

        ForcingResult result = run(model, TEXT_END, budget(20, 0, 0), transcript);

        assertThat(transcript.thinking()).isEqualTo(" Io");
        assertThat(transcript.answer()).isEqualTo("! 4");
        assertThat(result.thinkingTokens()).isEqualTo(1);
        assertThat(result.answerTokens()).isEqualTo(1);
    }

    @Test
    void rollingBackADelimiterInsideAToken_dropsTheWholeToken_soStreamAndCacheAgree() {
        ScriptedModel model = new ScriptedModel().then(I, O_LT, SLASH, END, GT_BANG, SO, IM_END, FOUR, IM_END);

        ForcingResult result = run(model, TEXT_END, budget(20, 3, 0), transcript);

        assertThat(transcript.thinking()).isEqualTo(" IWait so");
        assertThat(model.contents()).startsWith(BOS, Q, I, WAIT, SO);
        assertThat(result.thinkingTokens()).isEqualTo(3);
    }

    @Test
    void multiTokenDelimiterBelowTheMinimumWithoutRoomToExtend_isRolledBackAndResampledElsewhere() {
        // min = max = 6 and the extension is 4 tokens: at 3 thinking tokens it cannot fit. The logits after
        // " answer" are recomputed (one step) and "</" is banned there, so " is" comes out instead.
        ScriptedModel model = new ScriptedModel().then(I, THE, ANSWER, LT_SLASH, END, GT)
                .ranking(LT_SLASH, IS).then(FOUR, SO, FOUR, IM_END);
        ThinkingBudget budget = budget(6, 6, 0).withExtensionText("Wait so the answer");

        ForcingResult result = run(model, TEXT_END, budget, transcript);

        assertThat(model.calls()).containsExactly("prefill[1, 29]", "step 23", "step 8", "step 9", "step 31",
                "step 19", "truncate 4", "step 9", "step 10", "step 11",
                "prefill[7, 17, 18, 19, 20, 14, 15, 16]", "step 11");
        assertThat(transcript.thinking()).isEqualTo(" I the answer is 4 so");
        assertThat(result.thinkingTokens()).isEqualTo(6);
        assertThat(result.capFired()).isTrue();
        assertThat(result.injectedTokens()).isEqualTo(4 + 3);
    }

    @Test
    void capReachedWhileTokensAreHeld_releasesThemAsThinking() {
        ScriptedModel model = new ScriptedModel().then(I, LT, SLASH, FOUR, IM_END);

        ForcingResult result = run(model, TEXT_END, budget(3, 0, 0), transcript);

        assertThat(transcript.thinking()).isEqualTo(" I</");
        assertThat(result.thinkingTokens()).isEqualTo(3);
        assertThat(transcript.answer()).isEqualTo("Final Answer: 4");
    }

    @Test
    void rollbackOnASequenceThatCannotTruncate_failsNamingWhatIsMissing() {
        ScriptedModel model = new ScriptedModel().withoutTruncate().then(I, LT, SLASH, END, GT);

        assertThatThrownBy(() -> run(model, TEXT_END, budget(20, 6, 0), transcript))
                .isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot truncate (from 6 to 3 tokens)")
                .hasMessageContaining("need Sequence.truncate");
        assertThat(transcript.thinking()).isEqualTo(" I");
    }
}
