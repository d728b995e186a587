package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

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
 * API keys, tenant isolation, per-tenant admission and Idempotency-Key against the real gateway and worker. Each
 * test uses its own tenants (key {@code rsk_<tenant>}), so their outstanding requests do not count against each
 * other under the tiny limit configured here: one outstanding request per tenant.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityAndAdmissionTest {

    private static final List<String> TENANTS = List.of("alice", "bob", "carol", "dave", "erin", "frank");
    /** Keeps the tiny model busy for a few seconds, so the request is still outstanding when the test looks. */
    private static final String LONG = """
            {"prompt":"Once upon a time","budget":{"maxThinkingTokens":1500,"minThinkingTokens":1500,
             "maxAnswerTokens":200}}""";
    private static final String SHORT = """
            {"prompt":"Once upon a time","budget":{"maxThinkingTokens":8,"maxAnswerTokens":8}}""";

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    /** Requests to cancel at the end, as tenant and id, so no test leaves the worker busy. */
    private final List<String[]> toCancel = new ArrayList<>();
    private ConfigurableApplicationContext worker;
    private ConfigurableApplicationContext gateway;
    private String base;

    @BeforeAll
    void startPlatform(EmbeddedKafkaBroker broker) throws Exception {
        String servers = broker.getBrokersAsString();
        List<String> args = new ArrayList<>(List.of("--reasoner.gateway.admission.max-concurrent=1",
                "--reasoner.gateway.admission.max-queued=0", "--reasoner.gateway.admission.retry-after=7s"));
        TENANTS.forEach(tenant -> args.add(Platform.apiKeyArg(key(tenant), tenant)));
        gateway = Platform.gateway(servers, args.toArray(String[]::new));
        worker = Platform.worker(servers, TestModels.stories260K());
        base = "http://127.0.0.1:" + Platform.port(gateway);
        await().atMost(Duration.ofSeconds(60)).until(() -> send(request("/actuator/health/readiness", null)
                .GET()).statusCode() == 200);
    }

    @AfterAll
    void stopPlatform() throws Exception {
        for (String[] request : toCancel) {
            send(request("/v1/reasoning/" + request[1], key(request[0])).DELETE());
        }
        if (worker != null) {
            worker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void missingOrUnknownKey_is401_nativeAsProblem_openAiAsInvalidApiKey() throws Exception {
        HttpResponse<String> missing = send(request("/v1/reasoning", null).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(SHORT)));
        HttpResponse<String> wrong = send(request("/v1/reasoning/rsn_x", "rsk_wrong").GET());
        HttpResponse<String> models = send(request("/v1/models", "rsk_wrong").GET());

        assertThat(missing.statusCode()).isEqualTo(401);
        assertThat(missing.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(json.readTree(missing.body()).get("status").asInt()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(wrong.body()).doesNotContain("rsk_wrong");
        assertThat(models.statusCode()).isEqualTo(401);
        assertThat(json.readTree(models.body()).get("error").get("code").asString()).isEqualTo("invalid_api_key");
    }

    @Test
    void anotherTenantsRequest_is404_forStatusStreamAndCancel() throws Exception {
        String id = create("alice", LONG, null).get("id").asString();

        assertThat(send(request("/v1/reasoning/" + id, key("bob")).GET()).statusCode()).isEqualTo(404);
        assertThatThrownBy(() -> new SseClient(key("bob")).readAll(URI.create(base + "/v1/reasoning/" + id
                + "/events"), null, Duration.ofSeconds(10))).hasMessageContaining("events answered 404");
        assertThat(send(request("/v1/reasoning/" + id, key("bob")).DELETE()).statusCode()).isEqualTo(404);
        JsonNode own = json.readTree(send(request("/v1/reasoning/" + id, key("alice")).GET()).body());
        assertThat(own.get("status").asString()).isIn("queued", "running");
    }

    @Test
    void pastTheOutstandingLimit_is429WithRetryAfter_onBothApis() throws Exception {
        create("carol", LONG, null);

        HttpResponse<String> refused = post("carol", SHORT, null);
        HttpResponse<String> chat = send(request("/v1/chat/completions", key("carol"))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("""
                        {"messages":[{"role":"user","content":"Once upon a time"}],"max_completion_tokens":8}""")));

        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Retry-After")).contains("7");
        assertThat(json.readTree(refused.body()).get("detail").asString()).contains("the limit is 1");
        assertThat(chat.statusCode()).isEqualTo(429);
        assertThat(chat.headers().firstValue("Retry-After")).contains("7");
        assertThat(json.readTree(chat.body()).get("error").get("code").asString()).isEqualTo("rate_limit_exceeded");
    }

    @Test
    void repeatedIdempotencyKey_returnsTheSameRequest_butNotAcrossTenants() throws Exception {
        JsonNode first = create("dave", LONG, "order-42");
        JsonNode again = create("dave", LONG, "order-42");
        JsonNode otherTenant = create("erin", LONG, "order-42");

        assertThat(again.get("id").asString()).isEqualTo(first.get("id").asString());
        assertThat(otherTenant.get("id").asString()).isNotEqualTo(first.get("id").asString());
    }

    @Test
    void repeatedIdempotencyKey_onANonStreamingChatCompletion_answersTheSameCompletion() throws Exception {
        HttpResponse<String> first = chat("frank", "chat-7");
        HttpResponse<String> again = chat("frank", "chat-7");

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(json.readTree(again.body()).get("id").asString())
                .isEqualTo(json.readTree(first.body()).get("id").asString());
    }

    private HttpResponse<String> chat(String tenant, String idempotencyKey) throws Exception {
        return send(request("/v1/chat/completions", key(tenant)).header("Content-Type", "application/json")
                .header("Idempotency-Key", idempotencyKey).timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.ofString("""
                        {"messages":[{"role":"user","content":"Once upon a time"}],"max_completion_tokens":8}""")));
    }

    /** Posts as {@code tenant}, asserts 202 and remembers the request for cancelling at the end. */
    private JsonNode create(String tenant, String body, String idempotencyKey) throws Exception {
        HttpResponse<String> response = post(tenant, body, idempotencyKey);
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        JsonNode created = json.readTree(response.body());
        toCancel.add(new String[] {tenant, created.get("id").asString()});
        return created;
    }

    private HttpResponse<String> post(String tenant, String body, String idempotencyKey) throws Exception {
        HttpRequest.Builder request = request("/v1/reasoning", key(tenant)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        return send(request);
    }

    private HttpRequest.Builder request(String path, String apiKey) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        return apiKey == null ? request : request.header("Authorization", "Bearer " + apiKey);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String key(String tenant) {
        return "rsk_" + tenant;
    }
}
