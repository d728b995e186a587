package io.reasoner.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;

import io.reasoner.protocol.Budget;
import io.reasoner.protocol.BudgetPolicy;
import io.reasoner.protocol.ControlKind;
import io.reasoner.protocol.EventCodec;
import io.reasoner.protocol.Priority;
import io.reasoner.protocol.ReasoningChunk;
import io.reasoner.protocol.ReasoningEvent;
import io.reasoner.protocol.ReasoningRequest;
import io.reasoner.protocol.ReasoningResult;
import io.reasoner.protocol.ReasoningTopic;
import io.reasoner.protocol.Sampling;

/**
 * A real worker applying budget policies from the compacted policy topic: to a new request's budget, and to a
 * running request at its next step boundary.
 */
@EmbeddedKafka
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PolicyApplicationTest {

    private final EventCodec codec = new EventCodec();
    private ConfigurableApplicationContext worker;
    private KafkaProducer<String, byte[]> producer;
    private KafkaConsumer<String, byte[]> consumer;

    @BeforeAll
    void start(EmbeddedKafkaBroker broker) {
        String servers = broker.getBrokersAsString();
        worker = Platform.worker(servers, TestModels.stories260K());
        producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, servers),
                new StringSerializer(), new ByteArraySerializer());
        consumer = new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, servers,
                ConsumerConfig.GROUP_ID_CONFIG, "policy-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(ReasoningTopic.CHUNKS.topicName(), ReasoningTopic.RESULTS.topicName()));
    }

    @AfterAll
    void stop() {
        consumer.close();
        producer.close();
        worker.close();
    }

    @Test
    void aNewRequestIsGrantedItsTiersPolicy() throws Exception {
        publish(policy(Priority.BATCH, 0.25));
        // The policy travels on its own topic; a request sent right after may be taken first, so ask until granted.
        ReasoningResult result = null;
        for (int attempt = 0; attempt < 20; attempt++) {
            String id = "granted-" + attempt;
            send(request(id, Priority.BATCH, new Budget(40, 0, 0, null, null, 4)));
            result = awaitResult(id, new ArrayList<>());
            if (result.budget().maxThinkingTokens() == 10) {
                break;
            }
        }
        assertThat(result.budget().maxThinkingTokens()).isEqualTo(10);
        assertThat(result.usage().thinkingTokens()).isLessThanOrEqualTo(10);
    }

    @Test
    void aPolicyChangeReachesARunningRequestAtItsNextStep() throws Exception {
        publish(policy(Priority.INTERACTIVE, 1.0));
        String id = "running-1";
        // The minimum keeps the model thinking for all 400 tokens unless the cap comes down.
        send(request(id, Priority.INTERACTIVE, new Budget(400, 400, 0, null, null, 8)));
        List<ReasoningChunk> chunks = new ArrayList<>();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (chunks.isEmpty() && System.nanoTime() < deadline) {
            poll(id, chunks);
        }
        assertThat(chunks).as("the request started").isNotEmpty();

        publish(policy(Priority.INTERACTIVE, 0.1));
        ReasoningResult result = awaitResult(id, chunks);

        assertThat(chunks).extracting(ReasoningChunk::control).contains(ControlKind.BUDGET_CHANGED);
        assertThat(result.forcing().capFired()).isTrue();
        assertThat(result.usage().thinkingTokens()).isLessThan(400);
        assertThat(result.budget().maxThinkingTokens()).isLessThan(400);
    }

    @Test
    void theWorkersMetricsCountWhatItServed() throws Exception {
        String id = "metered-1";
        send(request(id, Priority.INTERACTIVE, new Budget(6, 0, 0, null, null, 4)));
        awaitResult(id, new ArrayList<>());

        java.net.http.HttpResponse<String> scrape = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://127.0.0.1:" + Platform.port(worker)
                        + "/actuator/prometheus")).timeout(Duration.ofSeconds(10)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        String metrics = scrape.body();
        assertThat(value(metrics, "reasoner_worker_tokens_total")).isGreaterThanOrEqualTo(6);
        assertThat(value(metrics, "reasoner_worker_caps_fired_total")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "reasoner_worker_time_to_first_chunk_seconds_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "reasoner_worker_thinking_tokens_count")).isGreaterThanOrEqualTo(1);
        assertThat(value(metrics, "reasoner_worker_slots_capacity")).isEqualTo(4);
        assertThat(metrics).contains("reasoner_worker_slot_utilisation", "reasoner_worker_resumptions_total",
                "reasoner_worker_extensions_injected_total", "reasoner_worker_queue_lag");
    }

    /** The value of an unlabelled sample in a Prometheus scrape. */
    private static double value(String scrape, String name) {
        return scrape.lines().filter(line -> line.startsWith(name + " ")).map(line -> line.substring(name.length()))
                .mapToDouble(text -> Double.parseDouble(text.trim())).findFirst()
                .orElseThrow(() -> new AssertionError(name + " not in the scrape"));
    }

    private ReasoningResult awaitResult(String id, List<ReasoningChunk> chunks) {
        long deadline = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < deadline) {
            ReasoningResult result = poll(id, chunks);
            if (result != null) {
                return result;
            }
        }
        throw new AssertionError("no result for " + id + " within 90 s");
    }

    private ReasoningResult poll(String id, List<ReasoningChunk> chunks) {
        ReasoningResult result = null;
        for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
            if (!id.equals(record.key())) {
                continue;
            }
            if (record.topic().equals(ReasoningTopic.RESULTS.topicName())) {
                result = codec.decode(record.value(), ReasoningResult.class);
            } else {
                chunks.add(codec.decode(record.value(), ReasoningChunk.class));
            }
        }
        return result;
    }

    private static ReasoningRequest request(String id, Priority priority, Budget budget) {
        return new ReasoningRequest(id, null, null, "Once upon a time", null, budget, Sampling.GREEDY, priority, null,
                Map.of(), System.currentTimeMillis());
    }

    private static BudgetPolicy policy(Priority tier, double multiplier) {
        return new BudgetPolicy(tier, multiplier, 4096, 8, "test", Map.of(), System.currentTimeMillis());
    }

    private void publish(BudgetPolicy policy) throws Exception {
        send(ReasoningTopic.BUDGET_POLICY, policy);
    }

    private void send(ReasoningRequest request) throws Exception {
        send(ReasoningTopic.requestsFor(request.priority()), request);
    }

    private void send(ReasoningTopic topic, ReasoningEvent event) throws Exception {
        producer.send(new ProducerRecord<>(topic.topicName(), event.key(), codec.encode(event))).get();
    }
}
