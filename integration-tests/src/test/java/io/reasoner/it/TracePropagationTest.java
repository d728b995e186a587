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
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.reasoner.kafka.tracing.OtlpCollector;
import io.reasoner.kafka.tracing.OtlpCollector.ExportedSpan;
import io.reasoner.kafka.tracing.TraceParent;
import io.reasoner.protocol.ReasoningTopic;
import tools.jackson.databind.json.JsonMapper;

/**
 * One W3C trace spans HTTP → gateway → reasoning.requests → worker → reasoning.chunks and reasoning.results → gateway:
 * the records carry {@code traceparent} headers of the caller's trace, and both services export their spans (to a
 * fake OTLP/HTTP collector in this JVM) with the same ids, each a child of the one before.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracePropagationTest {

    private static final TraceParent CALLER =
            TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    private ConfigurableApplicationContext gateway;
    private ConfigurableApplicationContext worker;
    private KafkaConsumer<String, byte[]> consumer;
    private OtlpCollector collector;

    @BeforeAll
    void start(EmbeddedKafkaBroker broker) throws Exception {
        String servers = broker.getBrokersAsString();
        collector = new OtlpCollector();
        String export = "--reasoner.tracing.otlp-endpoint=" + collector.endpoint();
        worker = Platform.worker(servers, TestModels.stories260K(), export);
        gateway = Platform.gateway(servers, export);
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "trace-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(ReasoningTopic.REQUESTS.topicName(), ReasoningTopic.CHUNKS.topicName(),
                ReasoningTopic.RESULTS.topicName()));
    }

    @AfterAll
    void stop() {
        consumer.close();
        gateway.close();
        worker.close();
        collector.close();
    }

    @Test
    void oneTraceSpansGatewayRequestTopicWorkerAndChunkTopic() throws Exception {
        String id = submit();
        List<ConsumerRecord<String, byte[]>> records = recordsUntilResult(id);

        ConsumerRecord<String, byte[]> request = only(records, ReasoningTopic.REQUESTS);
        TraceParent gatewaySpan = traceParent(request);
        assertThat(gatewaySpan.traceId()).isEqualTo(CALLER.traceId());
        assertThat(gatewaySpan.spanId()).isNotEqualTo(CALLER.spanId());

        List<ConsumerRecord<String, byte[]>> output = records.stream()
                .filter(r -> !r.topic().equals(ReasoningTopic.REQUESTS.topicName())).toList();
        assertThat(output).extracting(ConsumerRecord::topic).contains(ReasoningTopic.CHUNKS.topicName(),
                ReasoningTopic.RESULTS.topicName());
        List<TraceParent> sends = output.stream().map(TracePropagationTest::traceParent).toList();
        assertThat(sends).as("every chunk and the result of the caller's trace, each its own producer span")
                .allSatisfy(send -> assertThat(send.traceId()).isEqualTo(CALLER.traceId()))
                .extracting(TraceParent::spanId).doesNotHaveDuplicates()
                .doesNotContain(CALLER.spanId(), gatewaySpan.spanId());
    }

    /**
     * A non-streaming chat completion waits at the gateway for its result, so the trace ends there: gateway SERVER →
     * PRODUCER (request record) → worker CONSUMER → PRODUCER per chunk and for the result → gateway CONSUMER (result, and
     * the first chunk when it arrives before the result). The exported ids are those the records carried.
     */
    @Test
    void exportedSpansOfBothServices_formOneTreeFromTheCallerBackToTheGateway() throws Exception {
        TraceParent caller = TraceParent.parse("00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01")
                .orElseThrow();
        HttpResponse<String> completion = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + Platform.port(gateway) + "/v1/chat/completions"))
                .header("Authorization", "Bearer " + Platform.API_KEY).header("Content-Type", "application/json")
                .header(TraceParent.HEADER, caller.header())
                .POST(HttpRequest.BodyPublishers.ofString("{\"messages\":[{\"role\":\"user\",\"content\":"
                        + "\"Once upon a time\"}],\"max_completion_tokens\":16}"))
                .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(completion.statusCode()).isEqualTo(200);
        String id = JsonMapper.shared().readTree(completion.body()).path("id").asString();
        assertThat(id).isNotBlank();

        // Both services export in batches every 5 s; the gateway's SERVER span ends once the response is written.
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            List<ExportedSpan> trace = trace(caller.traceId());
            assertThat(trace).extracting(ExportedSpan::name).contains("POST /v1/chat/completions",
                    "process reasoning.results");
        });
        List<ExportedSpan> trace = trace(caller.traceId());
        ExportedSpan server = one(trace, "gateway", "POST /v1/chat/completions", OtlpCollector.SERVER);
        assertThat(server.parentSpanId()).isEqualTo(caller.spanId());
        assertThat(server.attributes()).containsEntry("reasoner.tenant", "default")
                .containsEntry("http.response.status_code", 200L);
        String requestId = (String) server.attributes().get("reasoner.request.id");
        assertThat(requestId).isNotBlank();

        ExportedSpan send = one(trace, "gateway", "send reasoning.requests", OtlpCollector.PRODUCER);
        assertThat(send.parentSpanId()).isEqualTo(server.spanId());
        ExportedSpan process = one(trace, "reasoner-worker", "process reasoning.requests", OtlpCollector.CONSUMER);
        assertThat(process.parentSpanId()).isEqualTo(send.spanId());
        assertThat(process.attributes()).containsEntry("reasoner.request.id", requestId)
                .containsEntry("reasoner.tenant", "default").containsEntry("reasoner.status", "done")
                .containsKeys("gen_ai.request.model", "reasoner.finish_reason", "reasoner.usage.thinking_tokens");

        List<ExportedSpan> chunkSends = trace.stream().filter(s -> s.name().equals("send reasoning.chunks")).toList();
        assertThat(chunkSends).isNotEmpty().allSatisfy(s -> {
            assertThat(s.service()).isEqualTo("reasoner-worker");
            assertThat(s.parentSpanId()).isEqualTo(process.spanId());
        });
        ExportedSpan resultSend = one(trace, "reasoner-worker", "send reasoning.results", OtlpCollector.PRODUCER);
        assertThat(resultSend.parentSpanId()).isEqualTo(process.spanId());

        ExportedSpan delivered = one(trace, "gateway", "process reasoning.results", OtlpCollector.CONSUMER);
        assertThat(delivered.parentSpanId()).isEqualTo(resultSend.spanId());
        // The gateway reads the chunk and result topics in one consumer, and a poll may hand it the result's partition
        // before the chunks' partition. The result completes the response and the client stops watching, so the first
        // chunk then reaches nobody here and gets no span (LogEventListenerTest covers the span itself).
        List<ExportedSpan> firstChunk = trace.stream().filter(s -> s.name().equals("process reasoning.chunks"))
                .toList();
        assertThat(firstChunk).hasSizeLessThanOrEqualTo(1).allSatisfy(s -> {
            assertThat(s.service()).isEqualTo("gateway");
            assertThat(s.kind()).isEqualTo(OtlpCollector.CONSUMER);
            assertThat(chunkSends).extracting(ExportedSpan::spanId).contains(s.parentSpanId());
        });

        assertThat(trace).as("no prompt text in any attribute").allSatisfy(s -> assertThat(s.attributes().values())
                .noneMatch(v -> String.valueOf(v).contains("Once upon a time")));
    }

    private List<ExportedSpan> trace(String traceId) {
        return collector.spans().stream().filter(s -> s.traceId().equals(traceId)).toList();
    }

    private static ExportedSpan one(List<ExportedSpan> trace, String service, String name, int kind) {
        List<ExportedSpan> matching = trace.stream().filter(s -> s.name().equals(name)).toList();
        assertThat(matching).as("spans named %s in %s", name, trace).hasSize(1);
        assertThat(matching.get(0).service()).isEqualTo(service);
        assertThat(matching.get(0).kind()).isEqualTo(kind);
        return matching.get(0);
    }

    private String submit() throws Exception {
        HttpResponse<String> accepted = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create("http://127.0.0.1:" + Platform.port(gateway) + "/v1/reasoning"))
                .header("Authorization", "Bearer " + Platform.API_KEY).header("Content-Type", "application/json")
                .header(TraceParent.HEADER, CALLER.header())
                .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"Once upon a time\",\"budget\":"
                        + "{\"maxThinkingTokens\":16,\"maxAnswerTokens\":16}}"))
                .timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(accepted.statusCode()).isEqualTo(202);
        return JsonMapper.shared().readTree(accepted.body()).path("id").asString();
    }

    private List<ConsumerRecord<String, byte[]>> recordsUntilResult(String id) {
        List<ConsumerRecord<String, byte[]>> records = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (records.stream().noneMatch(r -> r.topic().equals(ReasoningTopic.RESULTS.topicName()))
                && System.nanoTime() < deadline) {
            consumer.poll(Duration.ofMillis(200)).forEach(r -> {
                if (id.equals(r.key())) {
                    records.add(r);
                }
            });
        }
        assertThat(records).extracting(ConsumerRecord::topic).as("result of %s", id)
                .contains(ReasoningTopic.RESULTS.topicName());
        return records;
    }

    private static ConsumerRecord<String, byte[]> only(List<ConsumerRecord<String, byte[]>> records,
            ReasoningTopic topic) {
        List<ConsumerRecord<String, byte[]>> onTopic = records.stream()
                .filter(r -> r.topic().equals(topic.topicName())).toList();
        assertThat(onTopic).hasSize(1);
        return onTopic.get(0);
    }

    private static TraceParent traceParent(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(TraceParent.HEADER);
        assertThat(header).as("traceparent on %s", record.topic()).isNotNull();
        return TraceParent.parse(new String(header.value(), StandardCharsets.US_ASCII)).orElseThrow();
    }
}
