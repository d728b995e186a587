package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

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
 * Over two hundred malformed or hostile requests: random bytes, deep nesting, huge and non-finite numbers, raw
 * control characters, invalid UTF-8, wrong types, oversized bodies, wrong media types and junk ids. Each gets a
 * clear 4xx problem, none a 5xx, and afterwards the gateway still serves a normal request end to end.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    private static final String JSON = "application/json";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final SplittableRandom random = new SplittableRandom(20261123L);
    private ConfigurableApplicationContext gateway;
    private ConfigurableApplicationContext worker;
    private String base;

    private record Attempt(String what, String contentType, byte[] body) {
    }

    @BeforeAll
    void start(EmbeddedKafkaBroker broker) throws Exception {
        // Authentication is not what this test is about: every request should reach the input checks.
        gateway = Platform.gateway(broker.getBrokersAsString(), "--reasoner.gateway.auth.enabled=false");
        worker = Platform.worker(broker.getBrokersAsString(), TestModels.stories260K());
        base = "http://127.0.0.1:" + Platform.port(gateway);
        await().atMost(Duration.ofSeconds(60)).until(() -> send("GET", "/actuator/health/readiness", null, null)
                .statusCode() == 200);
    }

    @AfterAll
    void stop() {
        if (worker != null) {
            worker.close();
        }
        if (gateway != null) {
            gateway.close();
        }
    }

    @Test
    void hostileRequests_getClearProblems_andTheGatewayKeepsServing() throws Exception {
        List<Attempt> attempts = hostileAttempts();
        assertThat(attempts).hasSizeGreaterThanOrEqualTo(200);

        for (Attempt attempt : attempts) {
            HttpResponse<String> response = send("POST", "/v1/reasoning", attempt.contentType(), attempt.body());
            assertThat(response.statusCode()).as(attempt.what()).isIn(400, 413, 415);
            assertThat(response.headers().firstValue("Content-Type")).as(attempt.what())
                    .hasValueSatisfying(type -> assertThat(type).startsWith("application/problem+json"));
            assertThat(response.body()).as(attempt.what()).contains("\"status\":" + response.statusCode());
        }
        for (String junk : List.of("/v1/reasoning/%00", "/v1/reasoning/" + "x".repeat(5000),
                "/v1/reasoning/..%2F..%2Fetc", "/v1/reasoning/rsn_%F0%9F%92%A9/events")) {
            assertThat(send("GET", junk, null, null).statusCode()).as(junk).isIn(400, 404);
        }

        HttpResponse<String> normal = send("POST", "/v1/reasoning", JSON, """
                {"prompt":"Once upon a time","budget":{"maxThinkingTokens":8,"maxAnswerTokens":8}}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThat(normal.statusCode()).isEqualTo(202);
        String id = JsonMapper.builder().build().readTree(normal.body()).get("id").asString();
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonNode status = JsonMapper.builder().build().readTree(send("GET", "/v1/reasoning/" + id, null, null)
                    .body());
            assertThat(status.get("status").asString()).isEqualTo("done");
        });
    }

    private List<Attempt> hostileAttempts() {
        List<Attempt> attempts = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            byte[] bytes = new byte[random.nextInt(0, 512)];
            random.nextBytes(bytes);
            if (bytes.length > 0 && bytes[0] == '{') {
                bytes[0] = '#';
            }
            attempts.add(new Attempt("random bytes #" + i, JSON, bytes));
        }
        for (int i = 0; i < 20; i++) {
            int depth = 600 + random.nextInt(0, 50_000);
            String nested = i % 2 == 0 ? "[".repeat(depth) + "]".repeat(depth)
                    : "{\"prompt\":".repeat(depth) + "\"x\"" + "}".repeat(depth);
            attempts.add(new Attempt("nesting depth " + depth, JSON, utf8(nested)));
        }
        String[] numbers = {"1e309", "-1e400", "99999999999999999999999999", "1.5", "NaN", "Infinity", "-0.0e-99999",
                "0x10", "1_000", "2147483648"};
        for (int i = 0; i < 20; i++) {
            String field = i % 2 == 0 ? "maxThinkingTokens" : "maxAnswerTokens";
            attempts.add(new Attempt("huge number " + numbers[i % numbers.length], JSON, utf8(
                    "{\"prompt\":\"hi\",\"budget\":{\"" + field + "\":" + numbers[i % numbers.length] + "}}")));
        }
        for (int i = 0; i < 20; i++) {
            char control = (char) random.nextInt(0, 0x20);
            attempts.add(new Attempt("raw control character U+" + Integer.toHexString(control), JSON,
                    utf8("{\"prompt\":\"a" + control + "b\",\"budget\":{\"maxThinkingTokens\":" + control + "1}}")));
        }
        byte[][] invalidUtf8 = {{(byte) 0xC3, 0x28}, {(byte) 0xA0, (byte) 0xA1}, {(byte) 0xE2, 0x28, (byte) 0xA1},
                {(byte) 0xF0, 0x28, (byte) 0x8C, 0x28}, {(byte) 0xFF}, {(byte) 0xED, (byte) 0xA0, (byte) 0x80}};
        for (int i = 0; i < 20; i++) {
            byte[] bad = invalidUtf8[i % invalidUtf8.length];
            byte[] head = utf8("{\"prompt\":\"ok");
            byte[] tail = utf8("\"}");
            byte[] body = new byte[head.length + bad.length + tail.length];
            System.arraycopy(head, 0, body, 0, head.length);
            System.arraycopy(bad, 0, body, head.length, bad.length);
            System.arraycopy(tail, 0, body, head.length + bad.length, tail.length);
            attempts.add(new Attempt("invalid UTF-8 #" + i, JSON, body));
        }
        String[] wrongTypes = {"{\"prompt\":123}", "{\"prompt\":[\"a\"]}", "{\"prompt\":\"a\",\"budget\":\"lots\"}",
                "{\"prompt\":\"a\",\"budget\":[]}", "{\"prompt\":\"a\",\"messages\":{}}",
                "{\"messages\":[{\"role\":\"user\",\"content\":5}]}", "{\"prompt\":\"a\",\"priority\":5}",
                "{\"prompt\":\"a\",\"priority\":\"urgent\"}", "{\"prompt\":\"a\",\"sampling\":{\"temperature\":\"hot\"}}",
                "{\"prompt\":\"a\",\"sampling\":{\"temperature\":9}}", "{\"prompt\":\"a\",\"metadata\":[1]}",
                "null", "[]", "\"prompt\"", "{}", "{\"prompt\":\"\"}", "{\"prompt\":null}", "{\"messages\":[]}",
                "{\"messages\":[null]}", "{\"prompt\":\"a\",\"budget\":{\"minThinkingTokens\":-3}}"};
        for (int i = 0; i < 20; i++) {
            attempts.add(new Attempt("wrong type " + wrongTypes[i], JSON, utf8(wrongTypes[i])));
        }
        for (int i = 0; i < 10; i++) {
            attempts.add(new Attempt("oversized body #" + i, JSON,
                    utf8("{\"prompt\":\"" + "x".repeat(1_100_000 + i * 1000) + "\"}")));
        }
        for (int i = 0; i < 10; i++) {
            String type = i % 2 == 0 ? "text/plain" : "application/xml";
            attempts.add(new Attempt("media type " + type, type, utf8("{\"prompt\":\"hi\"}")));
        }
        for (int i = 0; i < 20; i++) {
            attempts.add(new Attempt("prompt of " + (200_001 + i) + " characters", JSON,
                    utf8("{\"prompt\":\"" + "y".repeat(200_001 + i) + "\"}")));
        }
        return attempts;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private HttpResponse<String> send(String method, String path, String contentType, byte[] body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
