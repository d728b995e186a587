package io.reasoner.policy.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.reasoner.kafka.tracing.OtlpCollector;
import io.reasoner.policy.PolicyApplication;
import io.reasoner.protocol.Budget;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.Priority;
import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.protocol.WorkerStats;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The HTTP API of the running service against an in-JVM KRaft broker: load and policies through interactive
 * queries, an override set and cleared through the overrides topic, problems for bad input, and the gauges.
 * Records carry explicit timestamps a little ahead of the wall clock, so that the 1 s windows close without
 * waiting.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyHttpTest {

    /** Generous: the machine running the tests may be busy; every wait still ends. */
    private static final Duration WAIT = Duration.ofSeconds(120);

    private final EventCodec codec = new EventCodec();
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ConfigurableApplicationContext service;
    private KafkaProducer<String, byte[]> producer;
    private String base;
    private OtlpCollector collector;

    @BeforeAll
    void start(EmbeddedKafkaBroker broker, @TempDir Path stateDir) throws Exception {
        String servers = broker.getBrokersAsString();
        collector = new OtlpCollector();
        service = PolicyApplication.builder().run("--spring.kafka.bootstrap-servers=" + servers,
                "--reasoner.tracing.otlp-endpoint=" + collector.endpoint(),
                "--server.port=0", "--reasoner.policy.window=1s", "--reasoner.policy.grace=5s",
                "--reasoner.policy.application-id=policy-http-test",
                "--reasoner.policy.state-dir=" + stateDir);
        base = "http://127.0.0.1:" + ((WebServerApplicationContext) service).getWebServer().getPort();
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new ByteArraySerializer());
        await().atMost(WAIT).until(() -> get("/actuator/health/readiness").statusCode() == 200);
    }

    @AfterAll
    void stop() {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
        if (service != null) {
            service.close();
        }
        if (collector != null) {
            collector.close();
        }
    }

    @Test
    void load_policies_override_andMetrics() throws Exception {
        long t = System.currentTimeMillis();
        for (int i = 0; i < 5; i++) {
            send(ReasoningTopic.REQUESTS, new ReasoningRequest("r-" + i, null, null, "q", null, Budget.of(100, 20),
                    null, Priority.INTERACTIVE, null, Map.of(), t), t);
        }
        // A heartbeat a second (of record time) later at each poll closes the windows behind it; the 5 s grace
        // leaves the arrivals, which reach the aggregate through another task, time to be counted.
        long[] heartbeat = {t};
        await().atMost(WAIT).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            send(ReasoningTopic.WORKER_STATS, new WorkerStats("w-1", "m", "cpu", 1, 2, 100, 0, heartbeat[0]),
                    heartbeat[0]);
            heartbeat[0] += 1000;
            JsonNode load = body(get("/load"));
            assertThat(load.path("interactive").path("capacityTokensPerSecond").asDouble()).isEqualTo(200.0);
            assertThat(load.path("interactive").path("backlogTokens").asDouble()).isEqualTo(600.0);
        });
        JsonNode policies = body(get("/policy"));
        assertThat(policies.path("interactive").path("multiplier").asDouble()).isEqualTo(1.0);
        assertThat(policies.path("interactive").path("source").asString()).isEqualTo("controller");
        assertThat(policies.path("batch").path("tier").asString()).isEqualTo("batch");

        HttpResponse<String> set = send("PUT", "/policy/interactive/override",
                "{\"maxThinkingTokens\":16,\"ttlSeconds\":600,\"reason\":\"incident 42\"}");
        assertThat(set.statusCode()).isEqualTo(202);
        assertThat(body(set).path("maxThinkingTokens").asInt()).isEqualTo(16);
        await().atMost(WAIT).untilAsserted(() -> {
            JsonNode interactive = body(get("/policy")).path("interactive");
            assertThat(interactive.path("source").asString()).isEqualTo("override");
            assertThat(interactive.path("maxThinkingTokens").asInt()).isEqualTo(16);
            assertThat(interactive.path("reason").asString()).contains("incident 42");
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(get("/actuator/prometheus").body())
                .contains("reasoner_policy_override_active{tier=\"interactive\"} 1.0")
                .contains("reasoner_policy_multiplier{tier=\"batch\"}")
                .contains("reasoner_policy_expected_wait_seconds{tier=\"batch\"}")
                .contains("reasoner_policy_slo_headroom_seconds{tier=\"interactive\"}"));

        assertThat(send("DELETE", "/policy/interactive/override", null).statusCode()).isEqualTo(202);
        await().atMost(WAIT).untilAsserted(() -> assertThat(body(get("/policy")).path("interactive")
                .path("source").asString()).isEqualTo("controller"));
    }

    @Test
    void overridesAreExportedAsServerSpans_childrenOfTheCallersTraceparent() throws Exception {
        String caller = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpRequest put = HttpRequest.newBuilder(URI.create(base + "/policy/batch/override"))
                .timeout(Duration.ofSeconds(20)).header("Content-Type", "application/json")
                .header("traceparent", caller)
                .PUT(HttpRequest.BodyPublishers.ofString("{\"maxThinkingTokens\":32,\"ttlSeconds\":60}")).build();
        assertThat(http.send(put, HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(202);
        assertThat(send("DELETE", "/policy/batch/override", null).statusCode()).isEqualTo(202);

        // Exported in batches, every 5 s by default.
        await().atMost(WAIT).untilAsserted(() -> {
            List<OtlpCollector.ExportedSpan> spans = collector.spans().stream()
                    .filter(span -> "batch".equals(span.attributes().get("reasoner.tier"))).toList();
            assertThat(spans).extracting(OtlpCollector.ExportedSpan::name)
                    .contains("PUT /policy/{tier}/override", "DELETE /policy/{tier}/override");
            assertThat(spans).allSatisfy(span -> {
                assertThat(span.service()).isEqualTo("budget-policy");
                assertThat(span.kind()).isEqualTo(OtlpCollector.SERVER);
            });
            // The other tests' overrides are spans too, each of its own new trace.
            assertThat(spans).filteredOn(span -> span.traceId().equals("4bf92f3577b34da6a3ce929d0e0e4736"))
                    .singleElement().satisfies(span -> {
                        assertThat(span.name()).isEqualTo("PUT /policy/{tier}/override");
                        assertThat(span.parentSpanId()).isEqualTo("00f067aa0ba902b7");
                    });
        });
    }

    @Test
    void badOverrides_areProblemsNamingWhatIsWrong() throws Exception {
        HttpResponse<String> tier = send("PUT", "/policy/premium/override", "{\"maxThinkingTokens\":16,\"ttlSeconds\":60}");
        assertThat(tier.statusCode()).isEqualTo(400);
        assertThat(tier.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(body(tier).path("detail").asString())
                .isEqualTo("tier must be one of [interactive, batch], was premium");

        HttpResponse<String> range = send("PUT", "/policy/batch/override", "{\"maxThinkingTokens\":-1,\"ttlSeconds\":60}");
        assertThat(range.statusCode()).isEqualTo(400);
        assertThat(body(range).path("detail").asString()).isEqualTo("maxThinkingTokens must be in [0, 32768], was -1");

        HttpResponse<String> noExpiry = send("PUT", "/policy/batch/override", "{\"maxThinkingTokens\":8}");
        assertThat(noExpiry.statusCode()).isEqualTo(400);
        assertThat(body(noExpiry).path("detail").asString()).contains("ttlSeconds");

        HttpResponse<String> tooLong = send("PUT", "/policy/batch/override",
                "{\"maxThinkingTokens\":8,\"ttlSeconds\":100000000}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
    }

    private void send(ReasoningTopic topic, ReasoningEvent event, long timestampMs) throws Exception {
        producer.send(new ProducerRecord<>(topic.topicName(), null, timestampMs, event.key(), codec.encode(event)))
                .get(10, java.util.concurrent.TimeUnit.SECONDS);
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> send(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json");
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode body(HttpResponse<String> response) {
        return json.readTree(response.body());
    }
}
