package io.reasoner.gateway.openai;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.reasoner.gateway.service.CreateReasoningBody;
import io.reasoner.gateway.service.CreateReasoningBody.MessageBody;
import tools.jackson.databind.json.JsonMapper;

class ChatRequestMapperTest {

    private static final String HELLO = "\"messages\":[{\"role\":\"user\",\"content\":\"Once upon a time\"}]";

    private final JsonMapper json = JsonMapper.builder().build();
    private final ChatRequestMapper mapper = new ChatRequestMapper(new OpenAiProperties.Effort(16, 128, 1024));

    private ChatCall map(String fields) {
        return mapper.map(json.readValue("{" + fields + "}", ChatCompletionRequest.class));
    }

    @ParameterizedTest
    @CsvSource({"low,16", "medium,128", "high,1024", "HIGH,1024"})
    void reasoningEffort_becomesItsConfiguredThinkingCap(String effort, int cap) {
        ChatCall call = map(HELLO + ",\"reasoning_effort\":\"" + effort + "\"");

        assertThat(call.body().budget().maxThinkingTokens()).isEqualTo(cap);
    }

    @Test
    void noEffortAndNoCap_meansMedium_likeOpenAisDefaultEffort() {
        assertThat(map(HELLO).body().budget().maxThinkingTokens()).isEqualTo(128);
    }

    @Test
    void explicitThinkingCap_winsOverEffort_andVllmsNameIsAnAlias() {
        assertThat(map(HELLO + ",\"reasoning_effort\":\"high\",\"max_thinking_tokens\":40").body().budget()
                .maxThinkingTokens()).isEqualTo(40);
        assertThat(map(HELLO + ",\"thinking_token_budget\":24").body().budget().maxThinkingTokens()).isEqualTo(24);
        assertThat(map(HELLO + ",\"thinking_token_budget\":24,\"max_thinking_tokens\":24").body().budget()
                .maxThinkingTokens()).isEqualTo(24);
    }

    @Test
    void maxTokensAndMaxCompletionTokens_capTheAnswer_andAbsentLeavesTheGatewayDefault() {
        assertThat(map(HELLO + ",\"max_tokens\":12").body().budget().maxAnswerTokens()).isEqualTo(12);
        assertThat(map(HELLO + ",\"max_completion_tokens\":9").body().budget().maxAnswerTokens()).isEqualTo(9);
        assertThat(map(HELLO).body().budget().maxAnswerTokens()).isNull();
    }

    @Test
    void s1Fields_andSampling_reachTheNativeBody() {
        CreateReasoningBody body = map(HELLO + """
                ,"max_thinking_tokens":70,"min_thinking_tokens":60,"thinking_extensions":2,
                "extension_text":"Hmm","forced_answer_prefix":"Answer:",
                "temperature":0.7,"top_p":0.9,"seed":42,"model":"stories"
                """).body();

        assertThat(body.budget()).isEqualTo(new CreateReasoningBody.BudgetBody(70, 60, 2, "Hmm", "Answer:", null));
        assertThat(body.sampling()).isEqualTo(new CreateReasoningBody.SamplingBody(0.7, 0.9, 42L));
        assertThat(body.model()).isEqualTo("stories");
        assertThat(body.prompt()).isNull();
    }

    @Test
    void contentPartArrays_areJoinedByNewlines_andDeveloperIsASystemTurn() {
        CreateReasoningBody body = map("""
                "messages":[{"role":"developer","content":"Be brief."},
                            {"role":"user","content":[{"type":"text","text":"Once"},{"type":"text","text":"upon"}]}]
                """).body();

        assertThat(body.messages()).containsExactly(new MessageBody("system", "Be brief."),
                new MessageBody("user", "Once\nupon"));
    }

    @Test
    void streamFlags_andKeepRunningMetadata_areRead() {
        ChatCall call = map(HELLO + """
                ,"stream":true,"stream_options":{"include_usage":true},"metadata":{"keep_running":"true","a":"b"}""");

        assertThat(call.stream()).isTrue();
        assertThat(call.includeUsage()).isTrue();
        assertThat(call.keepRunning()).isTrue();
        assertThat(call.body().metadata()).containsEntry("a", "b");
        ChatCall plain = map(HELLO);
        assertThat(plain.stream()).isFalse();
        assertThat(plain.includeUsage()).isFalse();
        assertThat(plain.keepRunning()).isFalse();
    }

    @Test
    void unknownAndUnsupportedFields_areIgnored() {
        ChatCall call = map(HELLO + """
                ,"tools":[{"type":"function"}],"logit_bias":{"1":2},"user":"u","store":false,"n":1""");

        assertThat(call.body().messages()).hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"reasoning_effort\":\"extreme\"|reasoning_effort|reasoning_effort must be one of [low, medium, high], was extreme",
            "\"max_tokens\":0|max_tokens|max_tokens must be in [1, 32768], was 0",
            "\"max_completion_tokens\":40000|max_completion_tokens|max_completion_tokens must be in [1, 32768], was 40000",
            "\"max_thinking_tokens\":-5|max_thinking_tokens|max_thinking_tokens must be in [0, 32768], was -5",
            "\"thinking_token_budget\":40000|thinking_token_budget|thinking_token_budget must be in [0, 32768], was 40000",
            "\"max_thinking_tokens\":24,\"min_thinking_tokens\":30|min_thinking_tokens|min_thinking_tokens must be in [0, 24], was 30",
            "\"thinking_extensions\":65|thinking_extensions|thinking_extensions must be in [0, 64], was 65",
            "\"extension_text\":\"\"|extension_text|extension_text must not be empty",
            "\"temperature\":2.5|temperature|temperature must be in [0.0, 2.0], was 2.5",
            "\"top_p\":0|top_p|top_p must be in (0, 1], was 0.0",
            "\"n\":2|n|n must be 1 (one choice per request), was 2",
            "\"max_tokens\":10,\"max_completion_tokens\":20|max_tokens|max_tokens and max_completion_tokens name the same limit but disagree (10 vs 20)",
            "\"max_thinking_tokens\":10,\"thinking_token_budget\":20|max_thinking_tokens|max_thinking_tokens and thinking_token_budget name the same limit but disagree (10 vs 20)"})
    void invalidValues_areRejectedNamingTheOpenAiFieldAndRange(String field, String param, String message) {
        assertThatThrownBy(() -> map(HELLO + "," + field))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.param()).isEqualTo(param);
                    assertThat(e.getMessage()).contains(message);
                });
    }

    @Test
    void overlongExtensionText_isRejectedWithItsLength() {
        assertThatThrownBy(() -> map(HELLO + ",\"extension_text\":\"" + "x".repeat(257) + "\""))
                .hasMessage("extension_text must be at most 256 characters, was 257");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "\"messages\":[]|messages|messages must contain at least one message",
            "\"model\":\"m\"|messages|messages must contain at least one message",
            "\"messages\":[{\"role\":\"tool\",\"content\":\"x\"}]|messages[0].role|messages[0].role must be one of [system, developer, user, assistant], was tool",
            "\"messages\":[{\"content\":\"x\"}]|messages[0].role|messages[0].role must be one of [system, developer, user, assistant], was null",
            "\"messages\":[{\"role\":\"user\"}]|messages[0].content|messages[0].content must be a string or an array of text parts",
            "\"messages\":[{\"role\":\"user\",\"content\":42}]|messages[0].content|messages[0].content must be a string or an array of text parts",
            "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"image_url\",\"image_url\":{}}]}]|messages[0].content[0].type|messages[0].content[0].type must be text (only text parts are supported), was image_url",
            "\"messages\":[{\"role\":\"user\",\"content\":[{\"type\":\"text\"}]}]|messages[0].content[0].text|messages[0].content[0].text must be a string"})
    void badMessages_areRejectedNamingTheMessage(String fields, String param, String message) {
        assertThatThrownBy(() -> map(fields))
                .isInstanceOfSatisfying(InvalidParameterException.class, e -> {
                    assertThat(e.param()).isEqualTo(param);
                    assertThat(e.getMessage()).isEqualTo(message);
                });
    }

    @Test
    void blankModel_meansAnyModel() {
        ChatCall call = map(HELLO + ",\"model\":\" \"");

        assertThat(call.model()).isNull();
        assertThat(call.body().model()).isNull();
    }
}
