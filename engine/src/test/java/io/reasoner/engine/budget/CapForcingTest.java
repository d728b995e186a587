package io.reasoner.engine.budget;

import static io.reasoner.engine.budget.FakeTokenizer.ANSWER_WORD;
import static io.reasoner.engine.budget.FakeTokenizer.BOS;
import static io.reasoner.engine.budget.FakeTokenizer.COLON;
import static io.reasoner.engine.budget.FakeTokenizer.EOS;
import static io.reasoner.engine.budget.FakeTokenizer.E_ACUTE_1;
import static io.reasoner.engine.budget.FakeTokenizer.E_ACUTE_2;
import static io.reasoner.engine.budget.FakeTokenizer.END_THINK;
import static io.reasoner.engine.budget.FakeTokenizer.FINAL;
import static io.reasoner.engine.budget.FakeTokenizer.FOUR;
import static io.reasoner.engine.budget.FakeTokenizer.I;
import static io.reasoner.engine.budget.FakeTokenizer.IM_END;
import static io.reasoner.engine.budget.FakeTokenizer.IS;
import static io.reasoner.engine.budget.FakeTokenizer.OPEN_THINK;
import static io.reasoner.engine.budget.FakeTokenizer.Q;
import static io.reasoner.engine.budget.FakeTokenizer.SO;
import static io.reasoner.engine.budget.FakeTokenizer.STRAW;
import static io.reasoner.engine.budget.FakeTokenizer.THINK;
import static io.reasoner.engine.budget.Fixtures.TAGS;
import static io.reasoner.engine.budget.Fixtures.budget;
import static io.reasoner.engine.budget.Fixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class CapForcingTest {

    private final Transcript transcript = new Transcript();

    @Test
    void capReachedMidWord_forcesEndOfThinking_thenAnswers_inOneBatchedPass() {
        // " straw" is the first half of "strawberry": the cap cuts the word, as s1's does.
        ScriptedModel model = new ScriptedModel().then(I, THINK, STRAW, FOUR, EOS);

        ForcingResult result = run(model, TAGS, budget(3, 0, 0), transcript);

        assertThat(model.calls()).containsExactly("prefill[1, 29]", "step 23", "step 24",
                "prefill[12, 4, 14, 15, 16]", "step 11");
        assertThat(transcript.lines()).containsExactly(
                "think \" I\" 1/0", "think \" think\" 2/0", "think \" straw\" 3/0",
                "CAP_FORCED \"Final Answer:\" 3 ext=0 max=3",
                "answer \"Final Answer:\" 3/0", "answer \" 4\" 3/1");
        assertThat(result).isEqualTo(new ForcingResult(FinishReason.STOP, 2, 3, 1, 4, 0, true, budget(3, 0, 0)));
        assertThat(model.contents()).containsExactly(BOS, Q, I, THINK, STRAW, END_THINK, FINAL, ANSWER_WORD, COLON,
                FOUR);
    }

    @Test
    void maxThinkingZero_forcesTheAnswerAtOnce_withThePromptInTheSamePrefill() {
        ThinkingFormat opened = ThinkingFormat.of(Fixtures.TOKENIZER, "opened", "<think>", "</think>", "",
                List.of("<|im_end|>"));
        ScriptedModel model = new ScriptedModel().then(FOUR, IM_END);

        ForcingResult result = run(model, opened, budget(0, 0, 0), transcript);

        assertThat(model.calls()).containsExactly("prefill[1, 29, 5, 4, 14, 15, 16]", "step 11");
        assertThat(transcript.lines()).containsExactly("CAP_FORCED \"Final Answer:\" 0 ext=0 max=0",
                "answer \"Final Answer:\" 0/0", "answer \" 4\" 0/1");
        assertThat(result.thinkingTokens()).isZero();
        assertThat(result.promptTokens()).isEqualTo(3); // BOS, " Q" and the opening <think>
        assertThat(result.injectedTokens()).isEqualTo(4);
        assertThat(result.capFired()).isTrue();
        assertThat(model.contents()).startsWith(BOS, Q, OPEN_THINK, END_THINK);
    }

    @Test
    void answerReachingItsCap_endsWithLength_andItsLastTokenIsNeverFed() {
        ScriptedModel model = new ScriptedModel().then(I, END_THINK, SO, FOUR, IS);

        ForcingResult result = run(model, TAGS, budget(8, 0, 0).withMaxAnswerTokens(2), transcript);

        assertThat(result.finishReason()).isEqualTo(FinishReason.LENGTH);
        assertThat(result.answerTokens()).isEqualTo(2);
        assertThat(transcript.answer()).isEqualTo(" so 4");
        assertThat(model.calls()).containsExactly("prefill[1, 29]", "step 23", "step 4", "step 7");
        assertThat(model.unusedPasses()).isEqualTo(1);
        assertThat(model.lastCapacity()).isEqualTo(2 + 8 + 1 + 3 + 2 - 1);
    }

    @Test
    void characterSpreadOverByteTokens_reachesTheListenerWhole_andCountsEveryToken() {
        ScriptedModel model = new ScriptedModel().then(I, E_ACUTE_1, E_ACUTE_2, END_THINK, EOS);

        ForcingResult result = run(model, TAGS, budget(8, 0, 0), transcript);

        assertThat(transcript.lines()).containsExactly("think \" I\" 1/0", "think \"é\" 3/0");
        assertThat(result.thinkingTokens()).isEqualTo(3);
    }

    @Test
    void capBetweenTheBytesOfACharacter_endsItAsAReplacementCharacter_neverAHalf() {
        ScriptedModel model = new ScriptedModel().then(I, E_ACUTE_1, EOS);

        run(model, TAGS, budget(2, 0, 0), transcript);

        assertThat(transcript.thinking()).isEqualTo(" I\uFFFD");
        assertThat(transcript.answer()).isEqualTo("Final Answer:");
    }
}
