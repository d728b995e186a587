package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;

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

import io.reasoner.kafka.tracing.TraceParent;
import io.reasoner.protocol.ReasoningTopic;
import tools.jackson.databind.json.JsonMapper;

/**
 * One W3C trace spans HTTP → gateway → reasoning.requests → worker → reasoning.chunks and reasoning.results: the
 * records carry {@code traceparent} headers of the caller's trace, each service's span a child of the one before.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracePropagationTest {

    private static final TraceParent CALLER =
            TraceParent.parse("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01").orElseThrow();

    private ConfigurableApplicationContext gateway;
    private ConfigurableApplicationContext worker;
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    void start(EmbeddedKafkaBroker broker) {
        String servers = broker.getBrokersAsString();
        worker = Platform.worker(servers, TestModels.stories260K());
        gateway = Platform.gateway(servers);
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
        List<TraceParent> workerSpans = output.stream().map(TracePropagationTest::traceParent).distinct().toList();
        assertThat(workerSpans).as("every chunk and the result, from one worker span").hasSize(1);
        assertThat(workerSpans.get(0).traceId()).isEqualTo(CALLER.traceId());
        assertThat(workerSpans.get(0).spanId()).isNotIn(CALLER.spanId(), gatewaySpan.spanId());
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
