package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.reasoner.kafka.cloudevents.CloudEventHeaders;
import io.reasoner.protocol.ReasoningTopic;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Several gateways and one single-slot worker on one in-JVM KRaft broker: the event log, not a gateway's memory,
 * is what a client's stream is served from, so any instance can take over a stream and a request's state.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GatewayFailoverTest {

    private static final String OTHER_TENANT_KEY = "rsk_other_tenant_0000000000000001";
    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private String servers;
    private ConfigurableApplicationContext worker;

    @BeforeAll
    void startWorker(EmbeddedKafkaBroker broker) {
        servers = broker.getBrokersAsString();
        // One slot, so a running request visibly holds the worker; small chunks, so streams are long.
        worker = Platform.worker(servers, TestModels.stories260K(), "--reasoner.worker.slots=1",
                "--reasoner.worker.flush-every-tokens=4");
    }

    @AfterAll
    void stopWorker() {
        if (worker != null) {
            worker.close();
        }
    }

    @Test
    void streamCutByItsGatewayStopping_resumesOnANewInstanceFromTheLog_withoutGapOrDuplicate() throws Exception {
        ConfigurableApplicationContext gatewayA = startGateway();
        String a = base(gatewayA);
        String id = submit(a, """
                {"prompt":"Once upon a time","budget":{"maxThinkingTokens":1600,"minThinkingTokens":1600,
                 "maxAnswerTokens":300}}""");
        AtomicInteger seen = new AtomicInteger();
        CompletableFuture<List<SseEvent>> onA = new SseClient()
                .follow(URI.create(a + "/v1/reasoning/" + id + "/events"), event -> seen.incrementAndGet());
        await().atMost(Duration.ofSeconds(60)).until(() -> seen.get() >= 3);

        gatewayA.close();
        List<SseEvent> fromA = onA.get(30, TimeUnit.SECONDS);
        ConfigurableApplicationContext gatewayB = startGateway(Platform.apiKeyArg(OTHER_TENANT_KEY, "other"));
        try {
            String b = base(gatewayB);
            assertThat(fromA).isNotEmpty().noneMatch(event -> event.name().equals("done"));
            String lastId = fromA.get(fromA.size() - 1).id();

            List<SseEvent> fromB = new SseClient().readAll(URI.create(b + "/v1/reasoning/" + id + "/events"),
                    lastId, Duration.ofSeconds(120));

            List<SseEvent> all = new ArrayList<>(fromA);
            all.addAll(fromB);
            List<SseEvent> chunks = all.subList(0, all.size() - 1);
            SseEvent done = all.get(all.size() - 1);
            assertThat(done.name()).isEqualTo("done");
            assertThat(chunks).extracting(SseEvent::id).containsExactlyElementsOf(
                    LongStream.range(0, chunks.size()).mapToObj(Long::toString).toList());
            JsonNode result = json.readTree(done.data());
            assertThat(result.get("status").asString()).isEqualTo("done");
            assertThat(result.get("chunkCount").asLong()).isEqualTo(chunks.size());
            assertThat(result.get("thinking").asString()).isEqualTo(text(chunks, "thinking"));
            assertThat(result.get("answer").asString()).isEqualTo(text(chunks, "answer"));

            HttpResponse<String> status = get(b, "/v1/reasoning/" + id, Platform.API_KEY);
            assertThat(status.statusCode()).isEqualTo(200);
            assertThat(json.readTree(status.body()).get("status").asString()).isEqualTo("done");
            assertThat(get(b, "/v1/reasoning/" + id, OTHER_TENANT_KEY).statusCode()).isEqualTo(404);
            assertThat(get(b, "/v1/reasoning/" + id + "/events", OTHER_TENANT_KEY).statusCode()).isEqualTo(404);
        } finally {
            gatewayB.close();
        }
    }

    @Test
    void cancellingTheRunningRequest_freesTheOnlySlot_andTheQueuedRequestThenRuns() throws Exception {
        ConfigurableApplicationContext gateway = startGateway();
        try {
            String base = base(gateway);
            String first = submit(base, """
                    {"prompt":"Once upon a time","budget":{"maxThinkingTokens":1600,"minThinkingTokens":1600,
                     "maxAnswerTokens":300}}""");
            await().atMost(Duration.ofSeconds(60)).until(() -> status(base, first).equals("running"));
            String second = submit(base, """
                    {"prompt":"The cat","budget":{"maxThinkingTokens":8,"maxAnswerTokens":8}}""");
            assertThat(status(base, second)).isEqualTo("queued");

            HttpResponse<String> cancel = http.send(HttpRequest.newBuilder(
                    URI.create(base + "/v1/reasoning/" + first)).header("Authorization", "Bearer " + Platform.API_KEY)
                    .timeout(Duration.ofSeconds(20)).DELETE().build(), HttpResponse.BodyHandlers.ofString());

            assertThat(cancel.statusCode()).isEqualTo(202);
            JsonNode firstResult = doneOf(base, first);
            assertThat(firstResult.get("status").asString()).isEqualTo("cancelled");
            assertThat(firstResult.get("usage").get("thinkingTokens").asInt()).isLessThan(1600);
            JsonNode secondResult = doneOf(base, second);
            assertThat(secondResult.get("status").asString()).isEqualTo("done");
            assertThat(secondResult.get("usage").get("thinkingTokens").asInt()).isPositive();
        } finally {
            gateway.close();
        }
    }

    @Test
    void everyEventTheGatewayAndWorkerProduce_carriesCloudEventsHeaders() throws Exception {
        ConfigurableApplicationContext gateway = startGateway();
        try {
            String base = base(gateway);
            String id = submit(base, """
                    {"prompt":"The dog","budget":{"maxThinkingTokens":8,"maxAnswerTokens":8}}""");
            doneOf(base, id);
        } finally {
            gateway.close();
        }
        Map<String, List<ConsumerRecord<String, byte[]>>> byTopic = Map.of(
                "reasoning.requests", records(ReasoningTopic.REQUESTS),
                "reasoning.chunks", records(ReasoningTopic.CHUNKS),
                "reasoning.results", records(ReasoningTopic.RESULTS),
                "reasoning.worker-stats", records(ReasoningTopic.WORKER_STATS));
        byTopic.forEach((topic, records) -> assertThat(records).as(topic).isNotEmpty().allSatisfy(record -> {
            assertThat(CloudEventHeaders.read(record.headers(), "ce_specversion")).isEqualTo("1.0");
            assertThat(CloudEventHeaders.read(record.headers(), "ce_type"))
                    .isEqualTo(CloudEventHeaders.typeOf(topic).orElseThrow());
            assertThat(CloudEventHeaders.read(record.headers(), "ce_source")).isIn("/reasoner/gateway",
                    "/reasoner/reasoner-worker");
            assertThat(CloudEventHeaders.read(record.headers(), "ce_id")).isNotBlank();
            assertThat(CloudEventHeaders.read(record.headers(), "ce_time")).isNotBlank();
        }));
        assertThat(byTopic.get("reasoning.requests")).allSatisfy(record ->
                assertThat(CloudEventHeaders.read(record.headers(), "ce_source")).isEqualTo("/reasoner/gateway"));
        assertThat(byTopic.get("reasoning.chunks")).allSatisfy(record -> assertThat(
                CloudEventHeaders.read(record.headers(), "ce_source")).isEqualTo("/reasoner/reasoner-worker"));
    }

    private ConfigurableApplicationContext startGateway(String... extra) throws Exception {
        ConfigurableApplicationContext gateway = Platform.gateway(servers, extra);
        String base = base(gateway);
        await().atMost(Duration.ofSeconds(60))
                .until(() -> get(base, "/actuator/health/readiness", Platform.API_KEY).statusCode() == 200);
        return gateway;
    }

    /** Every record on a topic so far, read from the beginning of each partition. */
    private List<ConsumerRecord<String, byte[]>> records(ReasoningTopic topic) {
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new ByteArrayDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic.topicName(), Duration.ofSeconds(10))
                    .stream().map(info -> new TopicPartition(topic.topicName(), info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, Duration.ofSeconds(10));
            List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
            }
            return records;
        }
    }

    private JsonNode doneOf(String base, String id) throws Exception {
        List<SseEvent> events = new SseClient().readAll(URI.create(base + "/v1/reasoning/" + id + "/events"), null,
                Duration.ofSeconds(120));
        SseEvent done = events.get(events.size() - 1);
        assertThat(done.name()).isEqualTo("done");
        return json.readTree(done.data());
    }

    private String status(String base, String id) throws Exception {
        return json.readTree(get(base, "/v1/reasoning/" + id, Platform.API_KEY).body()).get("status").asString();
    }

    private String submit(String base, String body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(base + "/v1/reasoning"))
                .header("Authorization", "Bearer " + Platform.API_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return json.readTree(response.body()).get("id").asString();
    }

    private HttpResponse<String> get(String base, String path, String key) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + key)
                .timeout(Duration.ofSeconds(20)).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String base(ConfigurableApplicationContext gateway) {
        return "http://127.0.0.1:" + Platform.port(gateway);
    }

    private String text(List<SseEvent> chunks, String phase) {
        return chunks.stream().filter(e -> e.name().equals(phase))
                .map(e -> json.readTree(e.data()).get("text").asString()).collect(Collectors.joining());
    }
}
