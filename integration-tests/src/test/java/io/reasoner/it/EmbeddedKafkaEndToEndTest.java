package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The walking skeleton end to end: HTTP request → gateway → Kafka (in-JVM KRaft broker) → worker decoding the
 * real tiny model → chunk and result topics → gateway → SSE.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedKafkaEndToEndTest {

    private static final String AUTH = "Bearer " + Platform.API_KEY;
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext worker;
    private ConfigurableApplicationContext gateway;
    private String base;

    @BeforeAll
    void startPlatform(EmbeddedKafkaBroker broker) throws Exception {
        String servers = broker.getBrokersAsString();
        gateway = Platform.gateway(servers);
        worker = Platform.worker(servers, TestModels.stories260K());
        base = "http://127.0.0.1:" + Platform.port(gateway);
        await().atMost(Duration.ofSeconds(60)).until(() -> get("/actuator/health/readiness").statusCode() == 200);
    }

    @AfterAll
    void stopPlatform() {
        if (worker != null) {
            worker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void request_streamsGapFreeChunksOverSse_thenDone_andResultIsQueryable() throws Exception {
        HttpResponse<String> accepted = post("""
                {"prompt":"Once upon a time","budget":{"maxThinkingTokens":24,"maxAnswerTokens":40}}""");
        assertThat(accepted.statusCode()).isEqualTo(202);
        JsonNode created = json.readTree(accepted.body());
        String id = created.get("id").asString();
        assertThat(created.get("status").asString()).isEqualTo("queued");

        List<SseEvent> events = new SseClient().readAll(URI.create(base + created.get("events").asString()), null,
                Duration.ofSeconds(90));

        List<SseEvent> chunks = events.subList(0, events.size() - 1);
        SseEvent done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        assertThat(chunks).isNotEmpty().allSatisfy(e -> assertThat(e.name()).isIn("thinking", "answer", "control"));
        assertThat(chunks).extracting(SseEvent::id)
                .containsExactlyElementsOf(LongStream.range(0, chunks.size()).mapToObj(Long::toString).toList());
        for (SseEvent chunk : chunks) {
            JsonNode data = json.readTree(chunk.data());
            assertThat(data.get("requestId").asString()).isEqualTo(id);
            assertThat(data.get("seq").asString()).isEqualTo(chunk.id());
            if (!chunk.name().equals("control")) {
                assertThat(data.get("phase").asString()).isEqualTo(chunk.name());
            }
        }
        JsonNode result = json.readTree(done.data());
        assertThat(result.get("status").asString()).isEqualTo("done");
        assertThat(result.get("usage").get("thinkingTokens").asInt()).isBetween(1, 24);
        assertThat(result.get("budget").get("maxThinkingTokens").asInt()).isEqualTo(24);
        assertThat(result.get("thinking").asString()).isEqualTo(text(chunks, "thinking"));
        assertThat(result.get("answer").asString()).isEqualTo(text(chunks, "answer"));
        assertThat(result.get("thinking").asString()).isNotBlank();

        JsonNode queried = json.readTree(get("/v1/reasoning/" + id).body());
        assertThat(queried.get("status").asString()).isEqualTo("done");
        assertThat(queried.get("answer").asString()).isEqualTo(result.get("answer").asString());
        assertThat(queried.get("finishReason").asString()).isIn("stop", "length");
    }

    @Test
    void minimumThinking_streamsWaitMarkersAsControlEvents_andReportsForcing() throws Exception {
        String id = json.readTree(post("""
                {"prompt":"Once upon a time","budget":{"maxThinkingTokens":70,"minThinkingTokens":60,
                 "extensions":1,"extensionText":"Wait","maxAnswerTokens":8}}""").body()).get("id").asString();

        List<SseEvent> events = new SseClient().readAll(URI.create(base + "/v1/reasoning/" + id + "/events"), null,
                Duration.ofSeconds(90));

        assertThat(events).filteredOn(e -> e.name().equals("control"))
                .anySatisfy(e -> assertThat(json.readTree(e.data()).get("control").asString())
                        .isEqualTo("wait_injected"));
        JsonNode result = json.readTree(events.get(events.size() - 1).data());
        assertThat(result.get("usage").get("thinkingTokens").asInt()).isBetween(60, 70);
        assertThat(result.get("forcing").get("extensionsUsed").asInt()).isPositive();
        assertThat(result.get("thinking").asString()).contains("Wait");
    }

    @Test
    void delete_cancelsARunningRequestWithinAStep_andItsStreamEndsWithDoneCancelled() throws Exception {
        String id = json.readTree(post("""
                {"prompt":"Once upon a time","budget":{"maxThinkingTokens":1500,"minThinkingTokens":1500,
                 "maxAnswerTokens":400}}""").body()).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).until(
                () -> json.readTree(get("/v1/reasoning/" + id).body()).get("status").asString().equals("running"));

        HttpResponse<String> cancelled = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/reasoning/" + id))
                .header("Authorization", AUTH).timeout(Duration.ofSeconds(20)).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        List<SseEvent> events = new SseClient().readAll(URI.create(base + "/v1/reasoning/" + id + "/events"), null,
                Duration.ofSeconds(60));

        assertThat(cancelled.statusCode()).isEqualTo(202);
        SseEvent done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        JsonNode result = json.readTree(done.data());
        assertThat(result.get("status").asString()).isEqualTo("cancelled");
        assertThat(result.get("finishReason").asString()).isEqualTo("cancelled");
        assertThat(result.get("usage").get("thinkingTokens").asInt()).isLessThan(1500);
        assertThat(http.send(HttpRequest.newBuilder(URI.create(base + "/v1/reasoning/rsn_nope"))
                .header("Authorization", AUTH).DELETE().build(), HttpResponse.BodyHandlers.ofString()).statusCode())
                .isEqualTo(404);
    }

    @Test
    void messages_areServedThroughTheModelsTemplate_andABadRoleIsA400() throws Exception {
        String id = json.readTree(post("""
                {"messages":[{"role":"user","content":"Once upon a time"}],
                 "budget":{"maxThinkingTokens":8,"maxAnswerTokens":8}}""").body()).get("id").asString();
        List<SseEvent> events = new SseClient().readAll(URI.create(base + "/v1/reasoning/" + id + "/events"), null,
                Duration.ofSeconds(60));
        assertThat(json.readTree(events.get(events.size() - 1).data()).get("status").asString()).isEqualTo("done");

        HttpResponse<String> bad = post("{\"messages\":[{\"role\":\"robot\",\"content\":\"hi\"}]}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(bad.body()).contains("messages[0].role must be one of [system, user, assistant], was robot");
    }

    @Test
    void reconnectWithLastEventId_resumesRightAfterThatChunk() throws Exception {
        String id = json.readTree(post("""
                {"prompt":"The cat","budget":{"maxThinkingTokens":16,"maxAnswerTokens":16}}""").body())
                .get("id").asString();
        URI events = URI.create(base + "/v1/reasoning/" + id + "/events");
        List<SseEvent> all = new SseClient().readAll(events, null, Duration.ofSeconds(90));
        assertThat(all.size()).isGreaterThan(2);

        List<SseEvent> resumed = new SseClient().readAll(events, "0", Duration.ofSeconds(30));

        assertThat(resumed).isEqualTo(all.subList(1, all.size()));
    }

    @Test
    void invalidBudget_isRejectedWithProblemNamingTheFieldAndRange() throws Exception {
        HttpResponse<String> response = post("""
                {"prompt":"Hi","budget":{"maxThinkingTokens":-5,"maxAnswerTokens":8}}""");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(response.body()).contains("maxThinkingTokens must be in [0, 32768], was -5");
    }

    @Test
    void malformedJsonEmptyPromptAndUnknownId_getClearErrors() throws Exception {
        assertThat(post("{\"prompt\": ").statusCode()).isEqualTo(400);
        HttpResponse<String> empty = post("{\"prompt\":\"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(empty.body()).contains("prompt must not be empty");
        assertThat(get("/v1/reasoning/rsn_unknown").statusCode()).isEqualTo(404);
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource(delimiter = '|', value = {
            "{\"maxThinkingTokens\":40000,\"maxAnswerTokens\":8}|maxThinkingTokens must be in [0, 32768], was 40000",
            "{\"maxThinkingTokens\":24,\"minThinkingTokens\":30,\"maxAnswerTokens\":8}|minThinkingTokens must be in [0, 24], was 30",
            "{\"maxThinkingTokens\":24,\"extensions\":65,\"maxAnswerTokens\":8}|extensions must be in [0, 64], was 65",
            "{\"maxThinkingTokens\":24,\"maxAnswerTokens\":0}|maxAnswerTokens must be in [1, 32768], was 0",
            "{\"maxThinkingTokens\":\"many\",\"maxAnswerTokens\":8}|field budget.maxThinkingTokens has the wrong type",
            "{\"maxThinkingTokens\":99999999999999999999,\"maxAnswerTokens\":8}|out of range of `int`"})
    void everyBudgetField_outOfRangeOrMistyped_isA400NamingIt(String budget, String expected) throws Exception {
        HttpResponse<String> response = post("{\"prompt\":\"Hi\",\"budget\":" + budget + "}");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains(expected);
    }

    @Test
    void overlongExtensionTexts_areRejectedNamingTheField() throws Exception {
        String longText = "x".repeat(257);
        assertThat(post("{\"prompt\":\"Hi\",\"budget\":{\"extensionText\":\"" + longText + "\"}}").body())
                .contains("extensionText must be at most 256 characters, was 257");
        assertThat(post("{\"prompt\":\"Hi\",\"budget\":{\"forcedAnswerPrefix\":\"" + longText + "\"}}").body())
                .contains("forcedAnswerPrefix must be at most 256 characters, was 257");
    }

    @Test
    void promptLongerThanTheModelsContextInTokens_isA400NamingTheCountAndTheContext_onBothApis() throws Exception {
        // stories260K's context is 2048 tokens; this prompt is well over 3000 with its SentencePiece tokenizer.
        String longPrompt = "Once upon a time there was a little girl. ".repeat(300);

        HttpResponse<String> nativeApi = post("{\"prompt\":\"" + longPrompt + "\"}");
        HttpResponse<String> openAi = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/chat/completions"))
                .header("Authorization", AUTH).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(
                        "{\"messages\":[{\"role\":\"user\",\"content\":\"" + longPrompt + "\"}]}")).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(nativeApi.statusCode()).isEqualTo(400);
        assertThat(nativeApi.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        String detail = json.readTree(nativeApi.body()).get("detail").asString();
        assertThat(detail).matches("prompt is \\d+ tokens, which leaves no room in the model's context of 2048 "
                + "tokens; shorten it to at most 2047 tokens");
        assertThat(Integer.parseInt(detail.replaceAll("prompt is (\\d+) tokens.*", "$1"))).isGreaterThan(3000);
        assertThat(openAi.statusCode()).isEqualTo(400);
        JsonNode error = json.readTree(openAi.body()).get("error");
        assertThat(error.get("code").asString()).isEqualTo("context_length_exceeded");
        assertThat(error.get("message").asString()).contains("model's context of 2048 tokens");
        // The same text, short enough, is accepted: the limit is the model's, not a character count.
        assertThat(post("{\"prompt\":\"" + longPrompt.substring(0, 2000) + "\",\"budget\":"
                + "{\"maxThinkingTokens\":1,\"maxAnswerTokens\":1}}").statusCode()).isEqualTo(202);
    }

    @Test
    void promptAndOutput_neverAppearInTheGatewayOrWorkerLogs() throws Exception {
        String marker = "Quillfeather the zebra juggled seventeen lanterns";
        ch.qos.logback.classic.Logger root = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory
                .getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        root.addAppender(captured);
        JsonNode result;
        try {
            org.slf4j.LoggerFactory.getLogger("io.reasoner.gateway").info("log capture is on");
            String id = json.readTree(post("{\"prompt\":\"" + marker + "\",\"budget\":{\"maxThinkingTokens\":24,"
                    + "\"maxAnswerTokens\":24}}").body()).get("id").asString();
            List<SseEvent> events = new SseClient().readAll(URI.create(base + "/v1/reasoning/" + id + "/events"),
                    null, Duration.ofSeconds(90));
            result = json.readTree(events.get(events.size() - 1).data());
            get("/v1/reasoning/" + id);
            // Failure paths too: a prompt over the context, and one in a body that is not valid JSON.
            post("{\"prompt\":\"" + (marker + " ").repeat(300) + "\"}");
            post("{\"prompt\":\"" + marker + "\",");
        } finally {
            root.detachAppender(captured);
        }

        String thinking = result.get("thinking").asString();
        String answer = result.get("answer").asString();
        assertThat(thinking.length() + answer.length()).isGreaterThan(20);
        List<String> logged = captured.list.stream().map(event -> event.getFormattedMessage()
                + (event.getThrowableProxy() == null ? "" : " " + event.getThrowableProxy().getMessage())).toList();
        assertThat(logged).contains("log capture is on");
        assertThat(logged).noneMatch(line -> line.contains("Quillfeather"));
        assertThat(logged).noneMatch(line -> thinking.length() > 8 && line.contains(thinking.strip()));
        assertThat(logged).noneMatch(line -> answer.length() > 8 && line.contains(answer.strip()));
    }

    private static String text(List<SseEvent> chunks, String phase) {
        JsonMapper mapper = JsonMapper.builder().build();
        return chunks.stream().filter(e -> e.name().equals(phase))
                .map(e -> mapper.readTree(e.data()).get("text").asString())
                .collect(Collectors.joining());
    }

    private HttpResponse<String> post(String body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + "/v1/reasoning"))
                .header("Authorization", AUTH).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20)).GET()
                .header("Authorization", AUTH)
                .build(), HttpResponse.BodyHandlers.ofString());
    }
}
