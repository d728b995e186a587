package io.reasoner.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.junit.jupiter.api.Test;

class EventCodecTest {

    private final EventCodec codec = new EventCodec();

    private static ReasoningRequest request() {
        return new ReasoningRequest("r-1", "acme", null, "Once upon a time",
                java.util.List.of(new ChatMessage("system", "Be brief.")), Budget.of(32, 16),
                new Sampling(0.7, 0.9, 42L), Priority.BATCH, 1_700_000_000_000L, Map.of("k", "v"), 1L);
    }

    @Test
    void everyEventType_roundTripsUnchanged() {
        ReasoningEvent[] events = {
                request(),
                new ReasoningChunk("r-1", 3, Phase.ANSWER, "ball.", 32, 4),
                new ReasoningChunk("r-1", 4, Phase.THINKING, "Wait", 33, 4, ControlKind.WAIT_INJECTED),
                new ReasoningChunk("r-1", 5, Phase.ANSWER, " ok", 33, 5, null, new ResumePoint(new int[] {7, 151668, 9},
                        Phase.ANSWER, 33, 5, 4, 1, true, Budget.of(33, 8), 1, 2)),
                new ReasoningResult("r-1", "acme", ResultStatus.DONE, "t", "a", FinishReason.STOP,
                        new Usage(1, 32, 4), Budget.of(32, 16), new Forcing(3, 1, true), 5, null, "m", Map.of(), 9L),
                new ControlCommand("r-1", "acme", ControlCommand.Action.CANCEL, "user", 2L),
                new WorkerStats("w-1", "m", "cpu", 1, 4, 123.5, 0, 3L),
                new BudgetPolicy(Priority.INTERACTIVE, 0.5, 128, 1, "load", Map.of("wait", 1.5), 4L),
                new BudgetPolicy(Priority.BATCH, 1.5, 4096, 8, "idle", Map.of("utilization", 0.1), 4L, 16, 2,
                        BudgetPolicy.Source.OVERRIDE, 99L),
        };
        for (ReasoningEvent event : events) {
            assertThat(codec.decode(codec.encode(event), event.getClass())).isEqualTo(event);
        }
    }

    @Test
    void aChunkWithoutItsResumePoint_isWhatClientsSee() {
        ReasoningChunk chunk = new ReasoningChunk("r-1", 5, Phase.ANSWER, " ok", 33, 5, null,
                new ResumePoint(new int[] {7}, Phase.ANSWER, 33, 5, 4, 1, true, Budget.of(33, 8), -1, 0));

        assertThat(codec.encodeToString(chunk)).contains("\"resume\":{\"tokens\":[7]");
        assertThat(codec.encodeToString(chunk.withoutResume())).doesNotContain("resume")
                .contains("\"text\":\" ok\"");
    }

    @Test
    void encode_writesTypeAndVersionEnvelopeAndLowerCaseEnums() {
        String json = codec.encodeToString(new ReasoningChunk("r-1", 0, Phase.THINKING, "Once", 1, 0));

        assertThat(json).startsWith("{\"type\":\"ReasoningChunk\",\"version\":1,")
                .contains("\"phase\":\"thinking\"", "\"seq\":0", "\"thinkingTokens\":1", "\"answerTokens\":0");
    }

    @Test
    void budgetPolicy_writesItsNewFieldsInLowerCase_andReadsFirstVersionPoliciesWithNeutralDefaults() {
        String written = codec.encodeToString(new BudgetPolicy(Priority.BATCH, 0.5, 64, 0, "r", Map.of(), 1L, 8, 1,
                BudgetPolicy.Source.OVERRIDE, 7L));
        assertThat(written).contains("\"floorThinkingTokens\":8", "\"extraExtensions\":1",
                "\"source\":\"override\"", "\"expiresAtMs\":7");

        // Exactly what the first version of the policy service wrote: no floor, extra extensions, source or expiry.
        String firstVersion = """
                {"type":"BudgetPolicy","version":1,"tier":"interactive","multiplier":1.0,"maxThinkingTokens":32768,
                 "extensionsAllowed":64,"reason":"pass-through","inputs":{"arrivals":2.0},"computedAtMs":10}
                """;
        BudgetPolicy old = codec.decode(firstVersion.getBytes(StandardCharsets.UTF_8), BudgetPolicy.class);

        assertThat(old.floorThinkingTokens()).isZero();
        assertThat(old.extraExtensions()).isZero();
        assertThat(old.source()).isEqualTo(BudgetPolicy.Source.CONTROLLER);
        assertThat(old.expiresAtMs()).isNull();
        assertThat(old.apply(new Budget(300, 10, 2, null, null, 50), 0L))
                .isEqualTo(new Budget(300, 10, 2, null, null, 50));
    }

    @Test
    void budgetPolicy_outOfRangeFields_areRejectedNamingFieldAndRange() {
        String floorAboveCap = """
                {"tier":"batch","multiplier":1.0,"maxThinkingTokens":10,"extensionsAllowed":0,"computedAtMs":0,
                 "floorThinkingTokens":11}
                """;
        assertThatThrownBy(() -> codec.decode(floorAboveCap.getBytes(StandardCharsets.UTF_8), BudgetPolicy.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("floorThinkingTokens must be in [0, 10], was 11");
        String multiplierTooLarge = """
                {"tier":"batch","multiplier":4.5,"maxThinkingTokens":10,"extensionsAllowed":0,"computedAtMs":0}
                """;
        assertThatThrownBy(() -> codec.decode(multiplierTooLarge.getBytes(StandardCharsets.UTF_8),
                BudgetPolicy.class)).hasMessageContaining("multiplier must be in [0.0, 4.0], was 4.5");
    }

    @Test
    void decode_acceptsMinimalExternalRequestWithoutEnvelopeAndAppliesDefaults() {
        String json = """
                {"requestId":"ext-1","prompt":"Hi","budget":{"maxThinkingTokens":8,"maxAnswerTokens":8},
                 "createdAtMs":0,"someFutureField":true}
                """;

        ReasoningRequest decoded = codec.decode(json.getBytes(StandardCharsets.UTF_8), ReasoningRequest.class);

        assertThat(decoded.tenant()).isEqualTo("default");
        assertThat(decoded.priority()).isEqualTo(Priority.INTERACTIVE);
        assertThat(decoded.sampling().greedy()).isTrue();
        assertThat(decoded.budget().extensionText()).isEqualTo("Wait");
        assertThat(decoded.budget().forcedAnswerPrefix()).isEqualTo("Final Answer:");
    }

    @Test
    void decode_rejectsOutOfRangeBudgetNamingFieldAndRange() {
        String json = """
                {"requestId":"x","prompt":"Hi","budget":{"maxThinkingTokens":-5,"maxAnswerTokens":8},"createdAtMs":0}
                """;

        assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8), ReasoningRequest.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("maxThinkingTokens must be in [0, 32768], was -5");
    }

    @Test
    void decode_rejectsGarbageWrongTypeAndFutureVersion() {
        assertThatThrownBy(() -> codec.decode(new byte[] {(byte) 0xff, 0x00, 0x7b}, ReasoningRequest.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("not valid JSON");
        assertThatThrownBy(() -> codec.decode("[1]".getBytes(StandardCharsets.UTF_8), ReasoningRequest.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("JSON object");
        byte[] chunk = codec.encode(new ReasoningChunk("r", 0, Phase.THINKING, "", 0, 0));
        assertThatThrownBy(() -> codec.decode(chunk, ReasoningRequest.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("expected type ReasoningRequest");
        String future = "{\"type\":\"ReasoningChunk\",\"version\":99,\"requestId\":\"r\",\"seq\":0,"
                + "\"phase\":\"thinking\",\"text\":\"\",\"thinkingTokens\":0,\"answerTokens\":0}";
        assertThatThrownBy(() -> codec.decode(future.getBytes(StandardCharsets.UTF_8), ReasoningChunk.class))
                .isInstanceOf(MalformedEventException.class).hasMessageContaining("version must be in [1, 1]");
    }

    @Test
    void decode_rejectsMissingRequiredFields() {
        assertThatThrownBy(() -> codec.decode("{\"requestId\":\"r\"}".getBytes(StandardCharsets.UTF_8),
                ReasoningRequest.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("invalid event");
        assertThatThrownBy(() -> codec.decode(null, ReasoningRequest.class))
                .isInstanceOf(MalformedEventException.class);
    }

    @Test
    void topics_areUniqueAndPolicyTopicIsCompacted() {
        assertThat(ReasoningTopic.values()).extracting(ReasoningTopic::topicName).doesNotHaveDuplicates()
                .allMatch(name -> name.startsWith("reasoning."));
        assertThat(ReasoningTopic.BUDGET_POLICY.cleanupPolicy()).isEqualTo(ReasoningTopic.CleanupPolicy.COMPACT);
        assertThat(ReasoningTopic.CHUNKS.cleanupPolicy()).isEqualTo(ReasoningTopic.CleanupPolicy.DELETE);
    }
}
