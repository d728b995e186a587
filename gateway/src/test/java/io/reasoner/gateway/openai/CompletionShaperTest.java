package io.reasoner.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.reasoner.protocol.ControlKind;
import io.reasoner.protocol.FinishReason;
import io.reasoner.protocol.Phase;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ResultStatus;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class CompletionShaperTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private final CompletionShaper shaper = new CompletionShaper("rsn_1", 1_700_000_000, "stories");

    private JsonNode tree(Object value) {
        return json.readTree(json.writeValueAsString(value));
    }

    @Test
    void completion_hasOpenAisShape_withThinkingAsReasoningContent_andReasoningTokensInUsage() {
        JsonNode completion = tree(shaper.completion(
                Results.result("rsn_1", ResultStatus.DONE, FinishReason.LENGTH, 2)));

        assertThat(completion.get("id").asString()).isEqualTo("chatcmpl-rsn_1");
        assertThat(completion.get("object").asString()).isEqualTo("chat.completion");
        assertThat(completion.get("created").asLong()).isEqualTo(1_700_000_000);
        assertThat(completion.get("model").asString()).isEqualTo("stories");
        JsonNode choice = completion.get("choices").get(0);
        assertThat(choice.get("index").asInt()).isZero();
        assertThat(choice.get("finish_reason").asString()).isEqualTo("length");
        assertThat(choice.has("logprobs")).isTrue();
        assertThat(choice.get("logprobs").isNull()).isTrue();
        JsonNode message = choice.get("message");
        assertThat(message.get("role").asString()).isEqualTo("assistant");
        assertThat(message.get("content").asString()).isEqualTo("Forty-two.");
        assertThat(message.get("reasoning_content").asString()).isEqualTo("Let me see.");
        assertThat(message.get("refusal").isNull()).isTrue();
        JsonNode usage = completion.get("usage");
        assertThat(usage.get("prompt_tokens").asInt()).isEqualTo(5);
        assertThat(usage.get("completion_tokens").asInt()).isEqualTo(10);
        assertThat(usage.get("total_tokens").asInt()).isEqualTo(15);
        assertThat(usage.get("completion_tokens_details").get("reasoning_tokens").asInt()).isEqualTo(7);
        JsonNode reasoner = completion.get("reasoner");
        assertThat(reasoner.get("request_id").asString()).isEqualTo("rsn_1");
        assertThat(reasoner.get("status").asString()).isEqualTo("done");
        assertThat(reasoner.get("forcing").get("cap_fired").asBoolean()).isTrue();
        assertThat(reasoner.get("forcing").get("extensions_used").asInt()).isEqualTo(1);
    }

    @ParameterizedTest
    @CsvSource({"STOP,stop", "LENGTH,length", "DEADLINE,length", "CANCELLED,stop"})
    void nativeFinishReasons_mapToOpenAisVocabulary_andTheNativeOneStaysInTheExtension(FinishReason reason,
            String openAi) {
        JsonNode completion = tree(shaper.completion(Results.result("rsn_1", ResultStatus.DONE, reason, 0)));

        assertThat(completion.get("choices").get(0).get("finish_reason").asString()).isEqualTo(openAi);
        assertThat(completion.get("reasoner").get("finish_reason").asString())
                .isEqualTo(reason.name().toLowerCase());
    }

    @Test
    void deltas_putThinkingInReasoningContent_andTheAnswerInContent_andOmitTheOtherKeys() {
        JsonNode thinking = tree(shaper.delta(Results.thinking("rsn_1", 0, "Hmm")).orElseThrow());
        JsonNode answer = tree(shaper.delta(Results.answer("rsn_1", 1, "Yes")).orElseThrow());

        assertThat(thinking.get("object").asString()).isEqualTo("chat.completion.chunk");
        assertThat(thinking.get("id").asString()).isEqualTo("chatcmpl-rsn_1");
        JsonNode thinkingChoice = thinking.get("choices").get(0);
        assertThat(thinkingChoice.get("delta").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("reasoning_content");
        assertThat(thinkingChoice.get("delta").get("reasoning_content").asString()).isEqualTo("Hmm");
        assertThat(thinkingChoice.get("finish_reason").isNull()).isTrue();
        assertThat(thinking.has("usage")).isFalse();
        assertThat(answer.get("choices").get(0).get("delta").properties()).extracting(java.util.Map.Entry::getKey)
                .containsExactly("content");
        assertThat(answer.get("choices").get(0).get("delta").get("content").asString()).isEqualTo("Yes");
    }

    @Test
    void controlMarkers_andEmptyTexts_yieldNoEvent() {
        ReasoningChunk marker = new ReasoningChunk("rsn_1", 3, Phase.THINKING, "", 5, 0, ControlKind.WAIT_INJECTED);

        assertThat(shaper.delta(marker)).isEmpty();
        assertThat(shaper.delta(Results.answer("rsn_1", 4, ""))).isEmpty();
    }

    @Test
    void role_finish_andUsageChunks_lookLikeOpenAis() {
        var result = Results.result("rsn_1", ResultStatus.CANCELLED, FinishReason.CANCELLED, 0);

        JsonNode role = tree(shaper.role()).get("choices").get(0).get("delta");
        JsonNode finish = tree(shaper.finish(result));
        JsonNode usage = tree(shaper.usage(result));

        assertThat(role.get("role").asString()).isEqualTo("assistant");
        assertThat(role.get("content").asString()).isEmpty();
        assertThat(finish.get("choices").get(0).get("delta").isEmpty()).isTrue();
        assertThat(finish.get("choices").get(0).get("finish_reason").asString()).isEqualTo("stop");
        assertThat(finish.get("reasoner").get("status").asString()).isEqualTo("cancelled");
        assertThat(usage.get("choices").isEmpty()).isTrue();
        assertThat(usage.get("usage").get("completion_tokens_details").get("reasoning_tokens").asInt())
                .isEqualTo(7);
    }

    @Test
    void noThinking_isANullReasoningContent() {
        var result = new io.reasoner.protocol.ReasoningResult("rsn_1", "default", ResultStatus.DONE, "", "A.",
                FinishReason.STOP, null, null, null, 0, null, null, null, 0);

        JsonNode message = tree(shaper.completion(result)).get("choices").get(0).get("message");

        assertThat(message.has("reasoning_content")).isTrue();
        assertThat(message.get("reasoning_content").isNull()).isTrue();
        assertThat(tree(shaper.completion(result)).get("model").asString()).isEqualTo("stories");
    }
}
