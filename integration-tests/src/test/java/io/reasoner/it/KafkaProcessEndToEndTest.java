package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.LongStream;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.ConfigurableApplicationContext;

import io.reasoner.launcher.broker.BrokerSettings;
import io.reasoner.launcher.broker.KafkaBrokerProcess;
import io.reasoner.launcher.broker.RunningBroker;
import io.reasoner.launcher.broker.TopicInitializer;
import io.reasoner.worker.kafka.DeadLetters;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An external system's view: a real Kafka broker JVM started exactly as {@code ./reasoner up} starts it, a
 * worker, and nothing but plain Kafka clients and hand-written JSON on the client side (no project classes).
 */
class KafkaProcessEndToEndTest {

    private final JsonMapper json = JsonMapper.builder().build();
    private RunningBroker broker;
    private ConfigurableApplicationContext worker;

    @BeforeEach
    void startBrokerProcessAndWorker(@TempDir Path data) {
        broker = KafkaBrokerProcess.start(BrokerSettings.ephemeral(data, Path.of(System.getProperty("reasoner.root"))));
        TopicInitializer.createAll(broker.bootstrapServers());
        worker = Platform.worker(broker.bootstrapServers(), TestModels.stories260K());
    }

    @AfterEach
    void stop() {
        if (worker != null) {
            worker.close();
        }
        if (broker != null) {
            broker.close();
            assertThat(broker.process().isAlive()).as("broker process stopped by its PID").isFalse();
        }
    }

    @Test
    void plainKafkaClient_producesARequest_andReadsGapFreeChunksAndTheResult() throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers())) {
            consumer.subscribe(List.of("reasoning.chunks", "reasoning.results"));
            String id = "ext-" + UUID.randomUUID();
            produce(broker.bootstrapServers(), id, """
                    {"requestId":"%s","prompt":"Once upon a time",
                     "budget":{"maxThinkingTokens":16,"maxAnswerTokens":24},"createdAtMs":%d}"""
                    .formatted(id, Instant.now().toEpochMilli()));

            List<JsonNode> chunks = new ArrayList<>();
            JsonNode result = collect(consumer, id, chunks, Duration.ofSeconds(90));

            assertThat(result.get("status").asString()).isEqualTo("done");
            assertThat(result.get("usage").get("thinkingTokens").asInt()).isBetween(1, 16);
            assertThat(chunks).extracting(chunk -> chunk.get("seq").asLong()).containsExactlyElementsOf(
                    LongStream.range(0, result.get("chunkCount").asLong()).boxed().toList());
            String streamed = chunks.stream().map(chunk -> chunk.get("text").asString())
                    .reduce("", String::concat);
            assertThat(streamed).isEqualTo(result.get("thinking").asString() + result.get("answer").asString());
        }
    }

    @Test
    void poisonAndLateRequests_becomeFailedResults_poisonIsDeadLettered_andTheWorkerServesTheNextOne()
            throws Exception {
        try (KafkaConsumer<String, String> consumer = consumer(broker.bootstrapServers())) {
            consumer.subscribe(List.of("reasoning.results", "reasoning.requests.dlt"));
            produce(broker.bootstrapServers(), "poison-1", "{not json");
            produce(broker.bootstrapServers(), "poison-2", """
                    {"requestId":"poison-2","prompt":"x","budget":{"maxThinkingTokens":-1,"maxAnswerTokens":4}}""");
            long now = Instant.now().toEpochMilli();
            produce(broker.bootstrapServers(), "late-1", """
                    {"requestId":"late-1","prompt":"The cat","budget":{"maxThinkingTokens":4,"maxAnswerTokens":4},
                     "deadlineMs":%d}""".formatted(now - 1));
            produce(broker.bootstrapServers(), "late-2", """
                    {"requestId":"late-2","prompt":"The cat","budget":{"maxThinkingTokens":400,"maxAnswerTokens":64,
                     "minThinkingTokens":400},"deadlineMs":%d}""".formatted(now + 300));
            produce(broker.bootstrapServers(), "good-1", """
                    {"requestId":"good-1","prompt":"The cat","budget":{"maxThinkingTokens":4,"maxAnswerTokens":4}}""");

            Map<String, JsonNode> results = new java.util.HashMap<>();
            Map<String, ConsumerRecord<String, String>> deadLetters = new java.util.HashMap<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
            while ((results.size() < 5 || deadLetters.size() < 2) && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                    if (record.topic().equals("reasoning.requests.dlt")) {
                        deadLetters.put(record.key(), record);
                    } else {
                        results.put(record.key(), json.readTree(record.value()));
                    }
                }
            }

            assertThat(results).containsKeys("poison-1", "poison-2", "late-1", "late-2", "good-1");
            assertThat(results.get("late-1").get("finishReason").asString()).isEqualTo("deadline");
            assertThat(results.get("late-1").get("error").asString()).contains("before the request started");
            // 464 tokens take this model over 0.7 s even at its best speed: stopped at a step, or never begun
            assertThat(results.get("late-2").get("finishReason").asString()).isEqualTo("deadline");
            assertThat(results.get("late-2").get("usage").get("thinkingTokens").asInt()).isLessThan(400);
            assertThat(results.get("poison-1").get("status").asString()).isEqualTo("failed");
            assertThat(results.get("poison-1").get("error").asString()).contains("not valid JSON");
            assertThat(results.get("poison-2").get("error").asString())
                    .contains("maxThinkingTokens must be in [0, 32768], was -1");
            assertThat(results.get("good-1").get("status").asString()).isEqualTo("done");
            // The poison records are kept as they came, with the reason, for an operator to inspect or replay.
            assertThat(deadLetters).containsOnlyKeys("poison-1", "poison-2");
            assertThat(deadLetters.get("poison-1").value()).isEqualTo("{not json");
            assertThat(new String(deadLetters.get("poison-2").headers().lastHeader("reasoner.dlt.reason").value(),
                    java.nio.charset.StandardCharsets.UTF_8)).contains("maxThinkingTokens must be in [0, 32768]");
        }
        // The dead-letter producer goes with the worker, rather than retrying a stopped broker for ever.
        worker.close();
        assertThat(Thread.getAllStackTraces().keySet()).filteredOn(Thread::isAlive)
                .extracting(Thread::getName).noneMatch(name -> name.contains(DeadLetters.CLIENT_ID));
    }

    private JsonNode collect(KafkaConsumer<String, String> consumer, String id, List<JsonNode> chunks,
            Duration within) {
        JsonNode result = null;
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < deadline
                && (result == null || chunks.size() < result.get("chunkCount").asLong())) {
            for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
                if (!id.equals(record.key())) {
                    continue;
                }
                JsonNode value = json.readTree(record.value());
                if (record.topic().equals("reasoning.results")) {
                    result = value;
                } else {
                    chunks.add(value);
                }
            }
        }
        assertThat(result).as("result for %s within %s", id, within).isNotNull();
        return result;
    }

    private static void produce(String servers, String key, String value) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>("reasoning.requests", key, value)).get();
        }
    }

    private static KafkaConsumer<String, String> consumer(String servers) {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "external-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class));
    }
}
