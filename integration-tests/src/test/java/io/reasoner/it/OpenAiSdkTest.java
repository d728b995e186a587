package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import com.openai.client.OpenAIClient;
import com.openai.client.okhttp.OpenAIOkHttpClient;
import com.openai.core.JsonValue;
import com.openai.core.http.StreamResponse;
import com.openai.errors.BadRequestException;
import com.openai.errors.NotFoundException;
import com.openai.models.ReasoningEffort;
import com.openai.models.chat.completions.ChatCompletion;
import com.openai.models.chat.completions.ChatCompletionChunk;
import com.openai.models.chat.completions.ChatCompletionCreateParams;
import com.openai.models.chat.completions.ChatCompletionStreamOptions;
import com.openai.models.completions.CompletionUsage;
import com.openai.models.models.Model;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAI-compatible API as the official OpenAI Java SDK sees it, against the real gateway and a worker on the
 * real tiny model over an in-JVM broker. The SDK validates every response against OpenAI's schema;
 * {@code reasoning_content}, which it has no accessor for, is read from its raw properties.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class OpenAiSdkTest {

    /** The low effort's cap, set small for speed; stories260K decodes a few hundred tokens a second. */
    private static final int LOW_EFFORT_TOKENS = 16;

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext worker;
    private ConfigurableApplicationContext gateway;
    private String base;
    private OpenAIClient openAi;
    private String model;

    @BeforeAll
    void startPlatform(EmbeddedKafkaBroker broker) {
        String servers = broker.getBrokersAsString();
        gateway = Platform.gateway(servers, "--reasoner.gateway.openai.effort.low=" + LOW_EFFORT_TOKENS);
        worker = Platform.worker(servers, TestModels.stories260K());
        base = "http://127.0.0.1:" + Platform.port(gateway);
        openAi = OpenAIOkHttpClient.builder()
                .baseUrl(base + "/v1")
                .apiKey(Platform.API_KEY)
                .responseValidation(true)
                .timeout(Duration.ofSeconds(60))
                .maxRetries(0)
                .build();
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
        // Workers announce their model in heartbeats, once a second.
        model = await().atMost(Duration.ofSeconds(30))
                .until(() -> openAi.models().list().data(), models -> !models.isEmpty()).get(0).id();
    }

    @AfterAll
    void stopPlatform() {
        if (openAi != null) {
            openAi.close();
        }
        if (worker != null) {
            worker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void models_listsTheWorkersModel_andRetrievesIt() {
        List<Model> models = openAi.models().list().data();

        assertThat(models).extracting(Model::id).containsExactly(model);
        assertThat(models.get(0).ownedBy()).isEqualTo("reasoner");
        assertThat(models.get(0).created()).isPositive();
        assertThat(openAi.models().retrieve(model).id()).isEqualTo(model);
    }

    @Test
    void completion_carriesTheAnswer_theReasoningAsReasoningContent_andReasoningTokensInUsage() throws Exception {
        ChatCompletion completion = openAi.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Once upon a time")
                .reasoningEffort(ReasoningEffort.LOW)
                .maxCompletionTokens(24)
                .build());

        JsonNode reasoning = nativeView(completion.id());
        assertThat(reasoning.get("status").asString()).isEqualTo("done");
        ChatCompletion.Choice choice = completion.choices().get(0);
        assertThat(choice.message().content()).hasValue(reasoning.get("answer").asString());
        assertThat(reasoning.get("answer").asString()).isNotBlank();
        String reasoningContent = choice.message()._allProperties().get("reasoning_content").asStringOrThrow();
        assertThat(reasoningContent).isNotBlank().isEqualTo(reasoning.get("thinking").asString());
        assertThat(choice.finishReason().asString()).isIn("stop", "length");
        CompletionUsage usage = completion.usage().orElseThrow();
        int thinkingTokens = reasoning.get("usage").get("thinkingTokens").asInt();
        assertThat(thinkingTokens).isBetween(1, LOW_EFFORT_TOKENS);
        assertThat(usage.completionTokensDetails().orElseThrow().reasoningTokens()).hasValue((long) thinkingTokens);
        assertThat(usage.completionTokens())
                .isEqualTo(thinkingTokens + reasoning.get("usage").get("answerTokens").asInt());
        assertThat(usage.totalTokens()).isEqualTo(usage.promptTokens() + usage.completionTokens());
        assertThat(completion.model()).isEqualTo(model);
    }

    @Test
    void stream_deltasRebuildTheFinalTexts_thenFinish_thenUsage() throws Exception {
        StringBuilder reasoning = new StringBuilder();
        StringBuilder content = new StringBuilder();
        List<String> finishReasons = new ArrayList<>();
        List<CompletionUsage> usages = new ArrayList<>();
        String id;
        try (StreamResponse<ChatCompletionChunk> stream = openAi.chat().completions().createStreaming(
                ChatCompletionCreateParams.builder()
                        .model(model)
                        .addUserMessage("The cat")
                        .maxCompletionTokens(24)
                        .putAdditionalBodyProperty("thinking_token_budget", JsonValue.from(24))
                        .streamOptions(ChatCompletionStreamOptions.builder().includeUsage(true).build())
                        .build())) {
            List<ChatCompletionChunk> chunks = stream.stream().toList();
            id = chunks.get(0).id();
            for (ChatCompletionChunk chunk : chunks) {
                assertThat(chunk.id()).isEqualTo(id);
                chunk.usage().ifPresent(usages::add);
                for (ChatCompletionChunk.Choice choice : chunk.choices()) {
                    JsonValue thinking = choice.delta()._allProperties().get("reasoning_content");
                    if (thinking != null) {
                        assertThat(content).as("reasoning precedes the answer").isEmpty();
                        reasoning.append(thinking.asStringOrThrow());
                    }
                    choice.delta().content().ifPresent(content::append);
                    choice.finishReason().ifPresent(reason -> finishReasons.add(reason.asString()));
                }
            }
            assertThat(chunks.get(chunks.size() - 1).choices()).as("the usage chunk comes last").isEmpty();
        }

        JsonNode result = nativeView(id);
        assertThat(reasoning.toString()).isNotBlank().isEqualTo(result.get("thinking").asString());
        assertThat(content.toString()).isEqualTo(result.get("answer").asString());
        assertThat(finishReasons).hasSize(1).first().isIn("stop", "length");
        assertThat(usages).hasSize(1);
        assertThat(usages.get(0).completionTokensDetails().orElseThrow().reasoningTokens())
                .hasValue(result.get("usage").get("thinkingTokens").asLong());
    }

    @Test
    void badReasoningEffort_isABadRequestException_namingTheFieldAndTheChoices() {
        assertThatThrownBy(() -> openAi.chat().completions().create(ChatCompletionCreateParams.builder()
                .model(model)
                .addUserMessage("Hi")
                .reasoningEffort(ReasoningEffort.of("extreme"))
                .build()))
                .isInstanceOfSatisfying(BadRequestException.class, e -> {
                    assertThat(e.getMessage())
                            .contains("reasoning_effort must be one of [low, medium, high], was extreme");
                    assertThat(e.param()).hasValue("reasoning_effort");
                    assertThat(e.type()).hasValue("invalid_request_error");
                });
    }

    @Test
    void unknownModel_isANotFoundException_withOpenAisCode() {
        assertThatThrownBy(() -> openAi.chat().completions().create(ChatCompletionCreateParams.builder()
                .model("gpt-4o")
                .addUserMessage("Hi")
                .build()))
                .isInstanceOfSatisfying(NotFoundException.class, e -> {
                    assertThat(e.code()).hasValue("model_not_found");
                    assertThat(e.getMessage()).contains("gpt-4o").contains(model);
                });
    }

    @Test
    void clientLeavingAStream_cancelsTheRequest() throws Exception {
        String requestId = readAFewEventsAndLeave("""
                {"model":"%s","messages":[{"role":"user","content":"Once upon a time"}],"stream":true,
                 "max_thinking_tokens":1500,"min_thinking_tokens":1500,"max_tokens":16}""".formatted(model));

        await().atMost(Duration.ofSeconds(20)).until(() -> nativeView("chatcmpl-" + requestId)
                .get("status").asString(), status -> !status.equals("running") && !status.equals("queued"));
        JsonNode result = nativeView("chatcmpl-" + requestId);
        assertThat(result.get("status").asString()).isEqualTo("cancelled");
        assertThat(result.get("usage").get("thinkingTokens").asInt()).isLessThan(1500);
    }

    @Test
    void clientLeavingAStream_withKeepRunning_letsTheRequestFinish() throws Exception {
        String requestId = readAFewEventsAndLeave("""
                {"model":"%s","messages":[{"role":"user","content":"Once upon a time"}],"stream":true,
                 "max_thinking_tokens":300,"min_thinking_tokens":300,"max_tokens":8,
                 "metadata":{"keep_running":"true"}}""".formatted(model));

        await().atMost(Duration.ofSeconds(30)).until(() -> nativeView("chatcmpl-" + requestId)
                .get("status").asString(), status -> !status.equals("running") && !status.equals("queued"));
        assertThat(nativeView("chatcmpl-" + requestId).get("status").asString()).isEqualTo("done");
    }

    /** Opens a stream with plain HTTP, reads three events, closes the connection; returns the native id. */
    private String readAFewEventsAndLeave(String body) throws Exception {
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + Platform.API_KEY)
                .header("Content-Type", "application/json")
                .header("Accept", "text/event-stream")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofInputStream());
        assertThat(response.statusCode()).isEqualTo(200);
        CompletableFuture<List<String>> events = CompletableFuture.supplyAsync(() -> firstEvents(response.body(), 3));
        try {
            List<String> data = events.get(30, TimeUnit.SECONDS);
            assertThat(data).hasSize(3);
            String id = json.readTree(data.get(0)).get("id").asString();
            assertThat(id).startsWith("chatcmpl-rsn_");
            assertThat(json.readTree(data.get(2)).get("choices").get(0).get("delta").has("reasoning_content"))
                    .isTrue();
            return id.substring("chatcmpl-".length());
        } finally {
            response.body().close();
        }
    }

    private static List<String> firstEvents(InputStream body, int count) {
        List<String> data = new ArrayList<>();
        try {
            BufferedReader reader = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8));
            String line;
            while (data.size() < count && (line = reader.readLine()) != null) {
                if (line.startsWith("data:")) {
                    data.add(line.substring(5).trim());
                }
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return data;
    }

    /** {@code GET /v1/reasoning/{id}} for a completion id, which is {@code chatcmpl-} and the native id. */
    private JsonNode nativeView(String completionId) throws Exception {
        assertThat(completionId).startsWith("chatcmpl-");
        HttpResponse<String> response = get("/v1/reasoning/" + completionId.substring("chatcmpl-".length()));
        assertThat(response.statusCode()).isEqualTo(200);
        return json.readTree(response.body());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET()
                .header("Authorization", "Bearer " + Platform.API_KEY)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
