package io.reasoner.engine.budget;

import static io.reasoner.engine.budget.FakeTokenizer.ANSWER;
import static io.reasoner.engine.budget.FakeTokenizer.END;
import static io.reasoner.engine.budget.FakeTokenizer.END_THINK;
import static io.reasoner.engine.budget.FakeTokenizer.EOS;
import static io.reasoner.engine.budget.FakeTokenizer.E_ACUTE_1;
import static io.reasoner.engine.budget.FakeTokenizer.E_ACUTE_2;
import static io.reasoner.engine.budget.FakeTokenizer.FOUR;
import static io.reasoner.engine.budget.FakeTokenizer.GT;
import static io.reasoner.engine.budget.FakeTokenizer.GT_BANG;
import static io.reasoner.engine.budget.FakeTokenizer.I;
import static io.reasoner.engine.budget.FakeTokenizer.IM_END;
import static io.reasoner.engine.budget.FakeTokenizer.IS;
import static io.reasoner.engine.budget.FakeTokenizer.LT;
import static io.reasoner.engine.budget.FakeTokenizer.LT_SLASH;
import static io.reasoner.engine.budget.FakeTokenizer.O_LT;
import static io.reasoner.engine.budget.FakeTokenizer.SLASH;
import static io.reasoner.engine.budget.FakeTokenizer.SO;
import static io.reasoner.engine.budget.FakeTokenizer.THE;
import static io.reasoner.engine.budget.FakeTokenizer.THINK;
import static io.reasoner.engine.budget.Fixtures.PROMPT;
import static io.reasoner.engine.budget.Fixtures.TAGS;
import static io.reasoner.engine.budget.Fixtures.TEXT_END;
import static io.reasoner.engine.budget.Fixtures.budget;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.reasoner.engine.sampling.Sampler;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A forced generation resumed from the checkpoint after any of its events continues exactly as it would have,
 * over a scripted model whose logits are a function of the sequence contents, as a real model's are.
 */
class ResumptionTest {

    @Test
    void tags_extensionsAndASplitCharacter_resumeExactlyAfterEveryEvent() {
        ScriptedModel scripted = new ScriptedModel().deterministic()
                .then(I, E_ACUTE_1, E_ACUTE_2, EOS, SO, END_THINK, THE, END_THINK, FOUR, IM_END);

        Resumption.Run first = checkAll(scripted, TAGS, ForcingRequest.of(PROMPT, budget(12, 0, 2)), null);

        assertThat(first.result().extensionsUsed()).isEqualTo(2);
        assertThat(first.events()).filteredOn(TextDelta.class::isInstance).extracting(e -> ((TextDelta) e).text())
                .contains("é", "Wait", " 4");
    }

    @Test
    void tags_capWithForcedPrefixAndUnfinishedCharactersOnBothSides_resumeExactlyAfterEveryEvent() {
        // Thinking reaches the cap on half a character; the answer's decoding must start afresh after the close.
        ScriptedModel scripted = new ScriptedModel().deterministic()
                .then(I, THINK, SO, E_ACUTE_1, FOUR, E_ACUTE_1, IM_END);

        Resumption.Run first = checkAll(scripted, TAGS, ForcingRequest.of(PROMPT, budget(4, 0, 0)), null);

        assertThat(first.result().capFired()).isTrue();
        assertThat(first.events()).contains(new TextDelta(Phase.THINKING, "\uFFFD", 4, 0),
                new TextDelta(Phase.ANSWER, "Final Answer:", 4, 0));
        assertThat(first.events().get(first.size() - 1)).isEqualTo(new TextDelta(Phase.ANSWER, "\uFFFD", 4, 2));
    }

    @Test
    void textDelimiter_heldRolledBackAndFoundInsideTokens_resumesExactlyAfterEveryEvent() {
        ScriptedModel scripted = new ScriptedModel().deterministic()
                .then(I, LT, SLASH, END, GT, SO, LT, SLASH, THE, O_LT, SLASH, END, GT_BANG, FOUR, IM_END);

        Resumption.Run first = checkAll(scripted, TEXT_END, ForcingRequest.of(PROMPT, budget(20, 6, 0)), null);

        assertThat(first.result()).isEqualTo(new ForcingResult(FinishReason.STOP, 2, 6, 1, 1, 1, false,
                budget(20, 6, 0)));
    }

    @Test
    void textDelimiter_rolledBackAndBannedWithoutRoomToExtend_resumesExactlyAfterEveryEvent() {
        // The pass after " answer" ranks "</" first both times: the second time it is banned, so " is" comes out.
        ScriptedModel scripted = new ScriptedModel().deterministic().then(I, THE, ANSWER).ranking(LT_SLASH, IS)
                .then(END, GT).ranking(LT_SLASH, IS).then(FOUR, SO, FOUR, IM_END);
        ThinkingBudget budget = budget(6, 6, 0).withExtensionText("Wait so the answer");

        Resumption.Run first = checkAll(scripted, TEXT_END, ForcingRequest.of(PROMPT, budget), null);

        assertThat(first.result().capFired()).isTrue();
        assertThat(first.result().thinkingTokens()).isEqualTo(6);
    }

    @Test
    void raisedCapThroughTheControl_resumesExactlyAfterEveryEvent_withTheChangeMadeAgainIfNotYetApplied() {
        ScriptedModel scripted = new ScriptedModel().deterministic().then(I, THINK, SO, THE, FOUR, IM_END);
        // Event 3 is " think" (after " I" and its commit).
        Resumption.Change raise = new Resumption.Change(3, control -> control.changeMaxThinkingTokens(4));

        Resumption.Run first = checkAll(scripted, TAGS, ForcingRequest.of(PROMPT, budget(2, 0, 0)), raise);

        assertThat(first.events().get(2)).isEqualTo(new TextDelta(Phase.THINKING, " think", 2, 0));
        assertThat(first.result().budget().maxThinkingTokens()).isEqualTo(4);
        assertThat(first.result().thinkingTokens()).isEqualTo(4);
    }

    @Test
    void raisedExtensionsThroughTheControl_resumeExactlyAfterEveryEvent() {
        ScriptedModel scripted = new ScriptedModel().deterministic().then(I, EOS, IS, EOS, FOUR, IM_END);
        Resumption.Change extend = new Resumption.Change(1, control -> control.changeExtensions(1));

        Resumption.Run first = checkAll(scripted, TAGS, ForcingRequest.of(PROMPT, budget(10, 0, 0)), extend);

        assertThat(first.result().extensionsUsed()).isEqualTo(1);
    }

    @Test
    void changeWhileTokensAreHeld_waitsUntilTheyAreReleased_andResumesExactlyAfterEveryEvent() {
        // "<" is released when "o<" arrives, which is held: a change made then waits for "o</end the" to go out.
        ScriptedModel scripted = new ScriptedModel().deterministic()
                .then(I, LT, O_LT, SLASH, END, THE, SO, IS, IM_END);
        Resumption.Change lower = new Resumption.Change(3, control -> control.changeMaxThinkingTokens(5));

        Resumption.Run first = checkAll(scripted, TEXT_END, ForcingRequest.of(PROMPT, budget(10, 0, 0)), lower);

        assertThat(first.events().get(2)).isEqualTo(new TextDelta(Phase.THINKING, "<", 2, 0));
        List<String> lines = lines(first.events());
        assertThat(lines).containsSubsequence("think \"o</end the\" 6/0", "BUDGET_CHANGED \"\" 6 ext=0 max=6",
                "CAP_FORCED \"Final Answer:\" 6 ext=0 max=6");
        assertThat(first.result().thinkingTokens()).isEqualTo(6);
    }

    @Test
    void resumedRun_recordsCheckpointsOfItsOwn_fromWhichItResumesAgain() {
        ScriptedModel scripted = new ScriptedModel().deterministic()
                .then(I, LT, SLASH, END, GT, SO, LT, SLASH, THE, O_LT, SLASH, END, GT_BANG, FOUR, IM_END);
        ForcingRequest request = ForcingRequest.of(PROMPT, budget(20, 6, 0));
        Resumption.Run first = new Resumption(new CountingModel(scripted), TEXT_END, request, Sampler::greedy)
                .uninterrupted();
        scripted.answerFromMemory();

        for (int k = 0; k < first.size(); k++) {
            // The second worker streams some events of its own before it dies too; the third takes over.
            CheckpointRecorder recorder = CheckpointRecorder.resumingFrom(first.checkpoints().get(k));
            List<ForcingEvent> second = new ArrayList<>();
            List<ForcingCheckpoint> checkpoints = new ArrayList<>(List.of(recorder.checkpoint()));
            new BudgetForcer(scripted, TEXT_END).generate(request.resumingFrom(first.checkpoints().get(k)),
                    Sampler.greedy(), event -> {
                        second.add(event);
                        recorder.onEvent(event);
                        checkpoints.add(recorder.checkpoint());
                    });
            int died = second.size() / 2;
            Transcript third = new Transcript();
            new BudgetForcer(scripted, TEXT_END).generate(request.resumingFrom(checkpoints.get(died)),
                    Sampler.greedy(), third);

            List<ForcingEvent> joined = new ArrayList<>(first.events().subList(0, k));
            joined.addAll(second.subList(0, died));
            joined.addAll(third.events());
            assertThat(joined).as("first died after %d, second after %d more", k, died)
                    .containsExactlyElementsOf(first.events());
            assertThat(checkpoints.get(second.size())).isEqualTo(first.checkpoints().get(first.size()));
        }
    }

    @Test
    void committedTokens_areExactlyWhatTheSequenceHolds_afterPromptAndOpening() {
        ScriptedModel scripted = new ScriptedModel()
                .then(I, LT, SLASH, END, GT, SO, THE, ANSWER, IS, LT, SLASH, END, GT, FOUR, IM_END);
        Transcript transcript = new Transcript();

        Fixtures.run(scripted, TEXT_END, budget(20, 6, 0), transcript);

        // The last answer token is never fed, yet committed; the rolled-back delimiter never is.
        List<Integer> held = scripted.contents();
        assertThat(Resumption.committed(transcript.events()))
                .containsExactly(held.subList(PROMPT.length, held.size()).stream().mapToInt(Integer::intValue)
                        .toArray());
    }

    @Test
    void resumedRun_isCancelledByItsOwnHook() {
        ScriptedModel scripted = new ScriptedModel().deterministic()
                .then(I, THINK, SO, THE, END_THINK, FOUR, IM_END);
        CheckpointRecorder recorder = new CheckpointRecorder(budget(10, 0, 0));
        List<ForcingCheckpoint> checkpoints = new ArrayList<>();
        new BudgetForcer(scripted, TAGS).generate(ForcingRequest.of(PROMPT, budget(10, 0, 0)), Sampler.greedy(),
                event -> {
                    recorder.onEvent(event);
                    checkpoints.add(recorder.checkpoint());
                });
        scripted.answerFromMemory();
        int[] steps = {0};
        Transcript transcript = new Transcript();

        ForcingResult result = Fixtures.run(scripted, TAGS, ForcingRequest.of(PROMPT, budget(10, 0, 0))
                .withCancellation(() -> ++steps[0] > 2).resumingFrom(checkpoints.get(1)), transcript);

        assertThat(result.finishReason()).isEqualTo(FinishReason.CANCELLED);
        assertThat(transcript.thinking()).isEqualTo(" think so");
        assertThat(result.thinkingTokens()).isEqualTo(3);
    }

    @Test
    void checkpoint_outOfRange_isRejectedNamingTheField() {
        assertThatThrownBy(() -> new ForcingCheckpoint(new int[] {I}, Phase.THINKING, 2, 0, 0, 0, false,
                budget(10, 0, 0), -1, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("thinkingTokens + answerTokens must be in [0, 1], was 2");
        assertThatThrownBy(() -> new ForcingCheckpoint(new int[] {I}, Phase.THINKING, 1, 0, 0, 0, true,
                budget(10, 0, 0), -1, 0))
                .hasMessage("capFired must be false while thinking");
        assertThatThrownBy(() -> new ForcingCheckpoint(new int[] {I}, Phase.ANSWER, 1, 0, 0, 0, false,
                budget(10, 0, 0), 2, 0))
                .hasMessage("answerTextFrom must be in [-1, 1], was 2");
        assertThatThrownBy(() -> new ForcingCheckpoint(new int[] {I}, Phase.DONE, 1, 0, 0, 0, false,
                budget(10, 0, 0), -1, 0))
                .hasMessage("phase must be THINKING or ANSWER, was DONE");
        assertThatThrownBy(() -> new ForcingCheckpoint(new int[0], Phase.THINKING, 0, 0, 0, 0, false,
                budget(10, 0, 0), -1, -1))
                .hasMessage("eventsSinceCommit must be in [0, 2147483647], was -1");
    }

    @Test
    void resumingWithAnotherExtensionText_isRejected() {
        ForcingCheckpoint checkpoint = ForcingCheckpoint.start(budget(10, 0, 0).withExtensionText("Hmm"));

        assertThatThrownBy(() -> ForcingRequest.of(PROMPT, budget(10, 0, 0)).resumingFrom(checkpoint))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the checkpoint's extensionText 'Hmm' must be the request's 'Wait'");
    }

    @Test
    void resumedRunTakingAnotherPath_beforeReplayingWhatItsCheckpointCounted_fails() {
        ScriptedModel scripted = new ScriptedModel().deterministic()
                .then(I, THINK, SO, THE, END_THINK, FOUR, IM_END);
        Fixtures.run(scripted, TAGS, budget(10, 0, 0), new Transcript());
        scripted.answerFromMemory();
        // Claims two events after a commit where the run delivers only one (" I") before committing again.
        ForcingCheckpoint wrong = new ForcingCheckpoint(new int[0], Phase.THINKING, 0, 0, 0, 0, false,
                budget(10, 0, 0), -1, 2);

        assertThatThrownBy(() -> Fixtures.run(scripted, TAGS, ForcingRequest.of(PROMPT, budget(10, 0, 0))
                .resumingFrom(wrong), new Transcript()))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("settled with 1 of its checkpoint's events still to replay");
    }

    private static Resumption.Run checkAll(ScriptedModel scripted, ThinkingFormat format, ForcingRequest request,
                                           Resumption.Change change) {
        CountingModel model = new CountingModel(scripted);
        Resumption resumption = new Resumption(model, format, request, Sampler::greedy, change);
        Resumption.Run first = resumption.uninterrupted();
        scripted.answerFromMemory();
        resumption.checkEveryBoundary(first);
        return first;
    }

    private static List<String> lines(List<ForcingEvent> events) {
        Transcript transcript = new Transcript();
        events.forEach(transcript::onEvent);
        return transcript.lines();
    }
}
